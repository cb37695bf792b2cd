using Talka.Domain.Common;
using Talka.Domain.Finance;

namespace Talka.Domain.Agreements;

/// <summary>
/// A change to an agreement, asked by the organisation or the funder, with its reason, the state of its review and,
/// once approved, the agreement version it makes. Its rules, checked when asked and again when approved:
/// <list type="bullet">
/// <item>money moved between cost categories comes out of a category that has it; up to the call's threshold (10 %
/// of the category by default) it is recorded at once without approval, but still versioned;</item>
/// <item>a new amount needs the decision that sets it, never goes below what is already paid or approved, nor below
/// the payment schedule (which is changed first);</item>
/// <item>a new end lies inside the call's project period and after the start;</item>
/// <item>a change of activities or indicators is described.</item>
/// </list>
/// What stood before is kept with it (the categories' amounts, the end, the amount), so the history shows both.
/// </summary>
public sealed class Amendment : IVersioned
{
    private Amendment()
    {
        Reason = "";
        RequestedBy = "";
    }

    private Amendment(Guid projectId, int number, AmendmentChange change, string reason, bool byFunder, string by)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        Number = number;
        Kind = Guard.Defined(change.Kind, nameof(Kind));
        From = change.From;
        To = change.To;
        Moved = change.Moved;
        NewEnd = change.NewEnd;
        NewAmount = change.NewAmount;
        Decision = change.Decision;
        Description = change.Description;
        IndicatorId = change.IndicatorId;
        NewTarget = change.NewTarget;
        ActivityId = change.ActivityId;
        NewActivityDescription = change.NewActivityDescription;
        Reason = reason;
        ByFunder = byFunder;
        RequestedBy = by;
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public int Number { get; private set; }
    public AmendmentKind Kind { get; private set; }
    public CostCategory? From { get; private set; }
    public CostCategory? To { get; private set; }
    public decimal? Moved { get; private set; }
    public DateOnly? NewEnd { get; private set; }
    public decimal? NewAmount { get; private set; }
    public string? Decision { get; private set; }
    public string? Description { get; private set; }
    public string Reason { get; private set; }
    public bool ByFunder { get; private set; }
    public string RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public AmendmentState State { get; private set; }

    /// <summary>The source category's grant before a reallocation.</summary>
    public decimal? FromBefore { get; private set; }

    /// <summary>The target category's grant before a reallocation.</summary>
    public decimal? ToBefore { get; private set; }
    public DateOnly? EndBefore { get; private set; }
    public decimal? AmountBefore { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>The plan's indicator whose target changes, its new target, and (once approved) the target before.</summary>
    public Guid? IndicatorId { get; private set; }
    public decimal? NewTarget { get; private set; }
    public decimal? TargetBefore { get; private set; }

    /// <summary>The plan's activity whose description changes, its new description, and (once approved) the one
    /// before.</summary>
    public Guid? ActivityId { get; private set; }
    public string? NewActivityDescription { get; private set; }
    public string? ActivityDescriptionBefore { get; private set; }

    /// <summary>The indicator's or activity's name when asked, so the history reads without the plan.</summary>
    public string? PlanItem { get; private set; }

    /// <summary>The agreement's version this amendment made (the original is version 1).</summary>
    public int? AgreementVersion { get; private set; }
    public int Version { get; set; }

    /// <summary>The agreement as it stands, as an amendment reads it.</summary>
    public sealed record Terms(
        decimal Granted,
        decimal Committed,
        decimal Planned,
        DateOnly Start,
        DateOnly End,
        DateRange CallPeriod,
        IReadOnlyDictionary<CostCategory, decimal> Budget,
        decimal ThresholdPercent,
        IReadOnlyDictionary<Guid, PlanRow>? Plan = null
    );

    /// <summary>An indicator (its name and target) or an activity (its title and description) of the plan.</summary>
    public sealed record PlanRow(string Name, decimal? Target, string? Description);

    /// <summary>Asks for a change (checked against the terms in force); a reallocation within the threshold is
    /// recorded at once as approved.</summary>
    /// <param name="approvedBefore">How many amendments of the agreement are already approved.</param>
    public static Amendment Request(
        Guid projectId,
        int number,
        AmendmentChange change,
        string? reason,
        bool byFunder,
        string by,
        DateTimeOffset at,
        Terms terms,
        int approvedBefore
    )
    {
        var amendment = new Amendment(
            projectId,
            number,
            change,
            Guard.Required(reason, nameof(Reason), 2000),
            byFunder,
            by
        )
        {
            RequestedAt = at,
            State = AmendmentState.Requested,
        };
        amendment.Check(terms);
        if (
            amendment.Kind == AmendmentKind.BudgetReallocation
            && WithinThreshold(terms, amendment.From!.Value, amendment.Moved!.Value)
        )
            amendment.Decide(true, by, at, null, approvedBefore, terms);
        return amendment;
    }

    /// <summary>Whether moving <paramref name="moved"/> out of a category stays within the call's threshold of
    /// it.</summary>
    public static bool WithinThreshold(Terms terms, CostCategory from, decimal moved) =>
        moved <= decimal.Round(terms.Budget.GetValueOrDefault(from) * terms.ThresholdPercent / 100m, 2);

    public void Review()
    {
        if (State != AmendmentState.Requested)
            throw new DomainException("AmendmentDecided", nameof(State), Number);
        State = AmendmentState.UnderReview;
    }

    public void Withdraw()
    {
        if (State is not (AmendmentState.Requested or AmendmentState.UnderReview))
            throw new DomainException("AmendmentDecided", nameof(State), Number);
        State = AmendmentState.Withdrawn;
    }

    /// <summary>Approves (checked again against the terms in force) or rejects, with a note.</summary>
    public void Decide(bool approve, string by, DateTimeOffset at, string? note, int approvedBefore, Terms terms)
    {
        if (State is not (AmendmentState.Requested or AmendmentState.UnderReview))
            throw new DomainException("AmendmentDecided", nameof(State), Number);
        if (approve)
        {
            Check(terms);
            FromBefore = From is { } from ? terms.Budget.GetValueOrDefault(from) : null;
            ToBefore = To is { } to ? terms.Budget.GetValueOrDefault(to) : null;
            EndBefore = terms.End;
            AmountBefore = terms.Granted;
            if (IndicatorId is { } indicator && terms.Plan?.GetValueOrDefault(indicator) is { } item)
                TargetBefore = item.Target;
            if (ActivityId is { } activity && terms.Plan?.GetValueOrDefault(activity) is { } planned)
                ActivityDescriptionBefore = planned.Description;
            AgreementVersion = approvedBefore + 2;
        }
        else if (string.IsNullOrWhiteSpace(note))
            throw new DomainException("Required", nameof(DecisionNote));
        State = approve ? AmendmentState.Approved : AmendmentState.Rejected;
        DecidedBy = by;
        DecidedAt = at;
        DecisionNote = Guard.Optional(note, nameof(DecisionNote), 2000);
    }

    private void Check(Terms terms)
    {
        switch (Kind)
        {
            case AmendmentKind.BudgetReallocation:
                var from = From ?? throw new DomainException("Required", nameof(From));
                var to = To ?? throw new DomainException("Required", nameof(To));
                if (from == to)
                    throw new DomainException("ReallocationSameCategory", nameof(To));
                var moved = Moved ?? throw new DomainException("Required", nameof(Moved));
                if (moved <= 0)
                    throw new DomainException("AmountZero", nameof(Moved));
                Guard.NonNegativeAmount(moved, nameof(Moved));
                if (moved > terms.Budget.GetValueOrDefault(from))
                    throw new DomainException(
                        "ReallocationOverCategory",
                        nameof(Moved),
                        moved,
                        terms.Budget.GetValueOrDefault(from)
                    );
                break;
            case AmendmentKind.Period:
                var end = NewEnd ?? throw new DomainException("Required", nameof(NewEnd));
                if (end < terms.Start || !terms.CallPeriod.Contains(end))
                    throw new DomainException("AmendedEndOutside", nameof(NewEnd), terms.Start, terms.CallPeriod.End);
                break;
            case AmendmentKind.Amount:
                var amount = NewAmount ?? throw new DomainException("Required", nameof(NewAmount));
                Guard.NonNegativeAmount(amount, nameof(NewAmount));
                Decision = Guard.Required(Decision, nameof(Decision), 200);
                if (amount < terms.Committed)
                    throw new DomainException("AmountBelowPaid", nameof(NewAmount), amount, terms.Committed);
                if (amount < terms.Planned)
                    throw new DomainException("AmountBelowSchedule", nameof(NewAmount), amount, terms.Planned);
                break;
            case AmendmentKind.Indicators when IndicatorId is { } indicatorId:
                PlanItem = (
                    terms.Plan?.GetValueOrDefault(indicatorId) is { Target: not null } indicator
                        ? indicator
                        : throw new DomainException("UnknownRow", nameof(IndicatorId))
                ).Name;
                var target = NewTarget ?? throw new DomainException("Required", nameof(NewTarget));
                if (target < 0)
                    throw new DomainException("TargetNegative", nameof(NewTarget));
                Description = Guard.Optional(Description, nameof(Description), 4000);
                break;
            case AmendmentKind.Activities when ActivityId is { } activityId:
                PlanItem = (
                    terms.Plan?.GetValueOrDefault(activityId) is { Target: null } activity
                        ? activity
                        : throw new DomainException("UnknownRow", nameof(ActivityId))
                ).Name;
                NewActivityDescription = Guard.Required(NewActivityDescription, nameof(NewActivityDescription), 4000);
                Description = Guard.Optional(Description, nameof(Description), 4000);
                break;
            default:
                Description = Guard.Required(Description, nameof(Description), 4000);
                break;
        }
    }
}
