using Talka.Domain.Common;
using Talka.Domain.Reports;

namespace Talka.Domain.Payments;

/// <summary>
/// A project's payments against its grant. The default schedule: an advance of the call's percentage on signature,
/// then the rest in equal tranches, one after each quarterly financial report's approval but the last quarter's,
/// and the final one after the final report's approval (the cents left over go to the final tranche). What is
/// available to pay is the grant less everything approved or paid; the schedule, cancelled tranches aside, never
/// plans more than the grant.
/// </summary>
public static class PaymentSchedule
{
    /// <summary>The project's reports a schedule can wait for.</summary>
    public sealed record ReportSlot(Guid Id, ReportKind Kind, DateOnly PeriodEnd, DateOnly Due);

    public static IReadOnlyList<TrancheInput> Default(
        decimal granted,
        decimal advancePercent,
        DateOnly signedOn,
        IReadOnlyList<ReportSlot> reports
    )
    {
        if (granted <= 0)
            throw new DomainException("AmountZero", "GrantedAmount");
        if (advancePercent is < 0 or > 100)
            throw new DomainException("PercentRange", "AdvancePercent");
        var schedule = new List<TrancheInput>();
        var advance = decimal.Round(granted * advancePercent / 100m, 2, MidpointRounding.ToZero);
        if (advance > 0)
            schedule.Add(new TrancheInput(advance, signedOn, PaymentRule.OnSignature));
        var quarterly = reports.Where(r => r.Kind == ReportKind.QuarterlyFinancial).OrderBy(r => r.PeriodEnd).ToList();
        var final = reports.Where(r => r.Kind == ReportKind.Final).OrderBy(r => r.PeriodEnd).LastOrDefault();
        // The last quarter's report comes with the final report: its money is the final tranche.
        var interim = final is null ? quarterly : quarterly.Where(q => q.PeriodEnd < final.PeriodEnd).ToList();
        var rest = granted - advance;
        var parts = interim.Count + (final is null ? 0 : 1);
        if (rest <= 0 || parts == 0)
        {
            if (rest > 0)
                schedule.Add(new TrancheInput(rest, signedOn, PaymentRule.OnSignature));
            return schedule;
        }
        var share = decimal.Round(rest / parts, 2, MidpointRounding.ToZero);
        foreach (var report in interim)
            schedule.Add(new TrancheInput(share, report.Due.AddDays(10), PaymentRule.AfterReport, report.Id));
        var left = rest - share * interim.Count;
        if (final is not null)
            schedule.Add(new TrancheInput(left, final.Due.AddDays(10), PaymentRule.AfterFinalReport));
        else
            schedule[^1] = schedule[^1] with { Amount = schedule[^1].Amount + left };
        return schedule;
    }

    /// <summary>The number the next tranche of a project takes (numbers are never reused, cancelled ones
    /// included).</summary>
    public static int NextNumber(IReadOnlyCollection<Tranche> tranches) =>
        tranches.Count == 0 ? 1 : tranches.Max(t => t.Number) + 1;

    /// <summary>The grant less everything approved or paid, <paramref name="except"/> left out.</summary>
    public static decimal Available(decimal granted, IEnumerable<Tranche> tranches, Tranche? except = null) =>
        granted - tranches.Where(t => t != except && t.Committed).Sum(t => t.Amount);

    /// <summary>Refuses a schedule that plans more than the grant (cancelled tranches aside).</summary>
    public static void EnsureWithinGrant(decimal granted, IEnumerable<Tranche> tranches)
    {
        var planned = tranches.Where(t => !t.Cancelled).Sum(t => t.Amount);
        if (planned > granted)
            throw new DomainException("ScheduleOverGrant", "Amount", planned, granted);
    }
}
