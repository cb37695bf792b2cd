namespace Talka.Domain.Payments;

/// <summary>Where a tranche stands: planned; eligible (planned, and its rule is met); approved by a funder admin;
/// paid; cancelled. Eligible is not stored: it follows from the rule and the records.</summary>
public enum TrancheState
{
    Planned,
    Eligible,
    Approved,
    Paid,
    Cancelled,
}
