using Microsoft.EntityFrameworkCore;
using Talka.Web.Features.Home;
using Talka.Web.Features.Notifications;
using Talka.Web.Features.Organisations;
using Talka.Web.Features.Projects;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
// Cached for visitors who are not signed in (PublicCache).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Talka.Web.Infrastructure.Web.PublicCache.Policy)]
public sealed class IndexModel(TalkaDbContext db, OrganisationQueries organisations, ProjectQueries projects, HomeQueries home,
    NotificationQueries notifications, Evaluation.EvaluationQueries evaluation) : TalkaPage
{
    public FunderHome? Funder { get; private set; }
    public PublicHome? Public { get; private set; }
    public AuditorHome? Auditor { get; private set; }
    /// <summary>An evaluator's assignments still to do (declare or score).</summary>
    public IReadOnlyList<Evaluation.AssignmentRow>? Assignments { get; private set; }
    public IReadOnlyList<MemberProject> MemberProjects { get; private set; } = [];
    public IReadOnlyList<NotificationRow> Unread { get; private set; } = [];
    public IReadOnlyList<OrganisationRow> OwnOrganisations { get; private set; } = [];
    public int ProgrammeCount { get; private set; }
    public int ProjectCount { get; private set; }

    public async Task OnGetAsync()
    {
        var viewer = await ViewerAsync();
        if (viewer.MemberOrganisationIds.Count > 0)
        {
            OwnOrganisations = (await organisations.ListAsync(viewer, null, 1)).Items;
            MemberProjects = await home.MemberAsync(viewer);
        }
        if (viewer.IsFunderAdmin) Funder = await home.FunderAsync(viewer.UserId);
        else if (viewer.IsAuditor) Auditor = await home.AuditorAsync();
        if (!viewer.IsAuthenticated) Public = await home.PublicAsync();
        if (viewer.IsEvaluator)
            Assignments = [.. (await evaluation.MineAsync() ?? []).Where(a =>
                a.State is Talka.Domain.Evaluation.AssignmentState.Assigned or Talka.Domain.Evaluation.AssignmentState.Declared)];
        if (viewer.UserId is { } user)
            Unread = [.. (await notifications.PageAsync(user, 1)).Items.Where(n => !n.Read).Take(5)];
        ProgrammeCount = await db.Programmes.CountAsync();
        ProjectCount = await projects.Visible(viewer).CountAsync();
    }
}
