using Talka.Domain.Finance;

namespace Talka.Domain.Payments;

/// <summary>One cost category at closure: what the ledger counts (incurred and paid by the project's end) and what the
/// funder disallowed of it.</summary>
public sealed record SettlementLine(CostCategory Category, decimal Spent, decimal Disallowed)
{
    public decimal Admitted => Spent - Disallowed;
}

/// <summary>
/// The settlement after the final report is approved: the eligible expenses admitted, per cost category and in
/// total (never more than the grant), against what was paid or approved to pay. A positive balance is the final
/// payment; a negative one is recovered by <see cref="RecoveryDue"/> (SELECTION.md: paid 100 000 €, admitted
/// 95 000 € → 5 000 € due 10 January of the next year).
/// </summary>
public sealed record Settlement(
    IReadOnlyList<SettlementLine> Lines,
    decimal Granted,
    decimal Paid,
    DateOnly RecoveryDue
)
{
    public decimal Spent => Lines.Sum(l => l.Spent);
    public decimal Disallowed => Lines.Sum(l => l.Disallowed);
    public decimal Admitted => Math.Min(Lines.Sum(l => l.Admitted), Granted);
    public decimal Balance => Admitted - Paid;
    public decimal FinalPayment => Math.Max(Balance, 0);
    public decimal Recovery => Math.Max(-Balance, 0);
}
