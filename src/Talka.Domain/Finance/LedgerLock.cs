using Talka.Domain.Common;
using Talka.Domain.Delivery;

namespace Talka.Domain.Finance;

/// <summary>
/// An expense belongs to the quarterly report of the day it first counts (incurred and paid). Once that report is
/// submitted or approved, the expense is part of what was sent: it can no longer be changed or removed, and no new
/// expense may land in that quarter. The organisation asks the funder to return the report to correct it. An unpaid
/// expense belongs to no quarter yet.
/// </summary>
public static class LedgerLock
{
    /// <summary>The closed period the expense falls in, if any.</summary>
    public static ClosedPeriod? ClosedFor(Expenditure expense, IEnumerable<ClosedPeriod> closed) =>
        expense.CountsFrom is { } day ? closed.FirstOrDefault(p => p.Contains(day)) : null;

    /// <summary>Refuses when the expense (as it is, or as it would be) falls in a closed period.</summary>
    public static void EnsureOpen(Expenditure expense, IEnumerable<ClosedPeriod> closed)
    {
        if (ClosedFor(expense, closed) is { } period)
        {
            throw new DomainException(
                period.Approved ? "ExpenseInApprovedQuarter" : "ExpenseInSubmittedQuarter",
                expense.PaidOn is { } paid && paid >= expense.DocumentDate
                    ? nameof(Expenditure.PaidOn)
                    : nameof(Expenditure.DocumentDate),
                Quarter.Of(period.End).ToString()
            );
        }
    }
}
