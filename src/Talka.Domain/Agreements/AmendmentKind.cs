namespace Talka.Domain.Agreements;

/// <summary>What an amendment changes: money between the budget's cost categories, the period, the amount (only
/// with a decision), or the activities and indicators (described).</summary>
public enum AmendmentKind
{
    BudgetReallocation,
    Period,
    Amount,
    Activities,
    Indicators,
}
