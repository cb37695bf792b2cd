namespace Talka.Web.Features.Delivery;

/// <summary>A programme's dashboard counts (<see cref="ProgrammeCounts"/>), stored like a project's figures: marked
/// <see cref="Stale"/> by a change to its projects' records in that change's transaction and refreshed by a job right
/// after; while stale, funders' pages count live and visitors' pages show them as stored (refreshed with them),
/// unless a change that took a project out of them cleared them.
/// The row keyed <see cref="AllProgrammes"/> holds the same counts over every programme: the national figures a
/// visitor's home page shows, a person met in two programmes counted once. It is refreshed a while after a change
/// (<see cref="FiguresInterceptor"/>).</summary>
public sealed class ProgrammeFigures : Infrastructure.Data.INotAudited
{
    /// <summary>The key of the national row: every programme's published projects together.</summary>
    public static readonly Guid AllProgrammes = Guid.Empty;

    public Guid ProgrammeId { get; set; }
    /// <summary>The counts as JSON; empty before the first computation.</summary>
    public string Figures { get; set; } = "";
    public bool Stale { get; set; } = true;
    /// <summary>Advanced by every change: a refresh stores its count only if the generation it started from is still
    /// current.</summary>
    public long Generation { get; set; }
    /// <summary>When, in UTC; null before the first computation.</summary>
    public DateTime? ComputedAt { get; set; }
}
