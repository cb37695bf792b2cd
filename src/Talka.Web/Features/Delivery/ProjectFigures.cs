namespace Talka.Web.Features.Delivery;

/// <summary>
/// A project's figures as the indicator calculator last computed them from its records (with every breakdown), stored
/// so that pages, the API and open data read them instead of recomputing from whole tables. A change to the records
/// behind them marks them <see cref="Stale"/> in its own transaction and queues a job that refreshes them right after
/// (<see cref="FiguresInterceptor"/>); while stale, readers recount live, so nobody reads an outdated figure.
/// </summary>
public sealed class ProjectFigures : Infrastructure.Data.INotAudited
{
    public Guid ProjectId { get; set; }
    /// <summary>The <see cref="Talka.Domain.Indicators.IndicatorSet"/> as JSON; empty before the first
    /// computation.</summary>
    public string Figures { get; set; } = "";
    public bool Stale { get; set; } = true;
    /// <summary>Advanced by every change and every locking refresh: a refresh stores its count only if the generation it
    /// started from is still current, so a count that missed a change is never stored as fresh.</summary>
    public long Generation { get; set; }
    /// <summary>When, in UTC; null before the first computation.</summary>
    public DateTime? ComputedAt { get; set; }
}
