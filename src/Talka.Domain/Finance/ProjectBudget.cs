using Talka.Domain.Common;

namespace Talka.Domain.Finance;

/// <summary>
/// The version of a project's budget as a whole. The budget's lines are replaced together, so two people saving the
/// budget at once must not overwrite each other: each save names the version it was made from.
/// </summary>
public sealed class ProjectBudget : IVersioned
{
    private ProjectBudget() { }

    public ProjectBudget(Guid projectId) => ProjectId = projectId;

    public Guid ProjectId { get; private set; }
    public int Version { get; set; }
}
