namespace Talka.Domain.Finance;

/// <summary>A quarter whose financial report was submitted or approved: its expenses are frozen in that
/// report.</summary>
public sealed record ClosedPeriod(DateOnly Start, DateOnly End, bool Approved)
{
    public bool Contains(DateOnly day) => day >= Start && day <= End;
}
