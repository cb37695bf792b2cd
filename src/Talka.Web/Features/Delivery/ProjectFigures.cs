namespace Talka.Web.Features.Delivery;

/// <summary>
/// A project's figures as the indicator calculator last computed them from its records (with every breakdown), stored
/// so that pages, the API and open data read them instead of recomputing from whole tables. Refreshed in the
/// transaction that changes the records behind them (<see cref="FiguresInterceptor"/>); <see cref="Stale"/> when a
/// change could not refresh them there (a call's rules changed), and then read live until refreshed.
/// </summary>
public sealed class ProjectFigures : Infrastructure.Data.INotAudited
{
    public Guid ProjectId { get; set; }
    /// <summary>The <see cref="Talka.Domain.Indicators.IndicatorSet"/> as JSON; empty before the first
    /// computation.</summary>
    public string Figures { get; set; } = "";
    public bool Stale { get; set; } = true;
    /// <summary>Advanced by every refresh, first of all, which makes concurrent refreshes of one project wait for each
    /// other (the row is locked until the transaction ends), so that the last to store has seen every change.</summary>
    public long Generation { get; set; }
    /// <summary>When, in UTC; null before the first computation.</summary>
    public DateTime? ComputedAt { get; set; }
}
