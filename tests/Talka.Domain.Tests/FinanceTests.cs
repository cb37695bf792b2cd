using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Finance;

namespace Talka.Domain.Tests;

public class FinanceTests
{
    private static readonly DateRange Year2022 = new(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));

    private static Expenditure Expense(string date, string? paid, decimal amount = 100m, CostCategory category = CostCategory.EventsAndTraining) =>
        new(Guid.NewGuid(), Year2022, new ExpenditureDetails(DocumentType.Invoice, "SF-1", DateOnly.Parse(date), "UAB „Salė“", "Salės nuoma", category, amount,
            paid is null ? null : DateOnly.Parse(paid)));

    [Fact]
    public void An_expense_paid_after_the_quarters_end_counts_in_the_next_quarter()
    {
        var expense = Expense("2022-03-28", "2022-04-04");
        Assert.False(expense.CountsBy(new Quarter(2022, 1).LastDay));
        Assert.True(expense.CountsBy(new Quarter(2022, 2).LastDay));
        Assert.Equal(new Quarter(2022, 2), expense.FirstQuarter);
    }

    [Fact]
    public void An_unpaid_expense_counts_nowhere_yet()
    {
        var expense = Expense("2022-03-28", null);
        Assert.False(expense.CountsBy(new DateOnly(2022, 12, 31)));
        Assert.Null(expense.FirstQuarter);
    }

    [Fact]
    public void An_expense_paid_in_advance_counts_when_incurred()
    {
        var expense = Expense("2022-07-02", "2022-06-20");
        Assert.False(expense.CountsBy(new Quarter(2022, 2).LastDay));
        Assert.Equal(new Quarter(2022, 3), expense.FirstQuarter);
    }

    [Theory]
    [InlineData(-5, "AmountNegative")]
    [InlineData(0, "AmountZero")]
    public void An_expense_needs_a_positive_amount(int amount, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => Expense("2022-03-01", "2022-03-02", amount)).Code);

    [Fact]
    public void An_expense_outside_the_project_period_is_refused() =>
        Assert.Equal("DateOutsideProject", Assert.Throws<DomainException>(() => Expense("2023-01-05", "2023-01-06")).Code);

    [Fact]
    public void The_grant_part_of_a_budget_adds_up_to_the_granted_amount()
    {
        var lines = new[] { new BudgetLineInput(CostCategory.Personnel, 30_000m, 0), new BudgetLineInput(CostCategory.Audit, 2_000m, 500m) };
        Assert.Equal(32_500m, Budgets.Build(Guid.NewGuid(), lines, 32_000m).Sum(l => l.Planned));
        var error = Assert.Throws<DomainException>(() => Budgets.Build(Guid.NewGuid(), lines, 40_000m));
        Assert.Equal("BudgetNotGranted", error.Code);
        Assert.Equal([32_000m, 40_000m], error.Args.Cast<decimal>());
        Assert.Equal("CategoryTwice", Assert.Throws<DomainException>(() => Budgets.Build(Guid.NewGuid(),
            [new BudgetLineInput(CostCategory.Audit, 1, 0), new BudgetLineInput(CostCategory.Audit, 2, 0)], null)).Code);
    }

    [Fact]
    public void Overspending_a_category_beyond_the_threshold_needs_an_amendment()
    {
        var budget = Budgets.Build(Guid.NewGuid(),
            [new BudgetLineInput(CostCategory.EventsAndTraining, 1_000m, 0), new BudgetLineInput(CostCategory.Publications, 1_000m, 0), new BudgetLineInput(CostCategory.Audit, 1_000m, 0)], null);
        var ledger = new[]
        {
            Expense("2022-02-01", "2022-02-05", 1_080m, CostCategory.EventsAndTraining),   // 8 % over: a note
            Expense("2022-02-01", "2022-02-05", 1_150m, CostCategory.Publications),        // 15 % over: an amendment
            Expense("2022-02-01", "2022-02-05", 400m, CostCategory.Audit),
            Expense("2022-02-01", null, 900m, CostCategory.Audit),                           // unpaid: not counted
        };
        var execution = BudgetExecution.Compute(budget, ledger, new DateOnly(2022, 3, 31), 10m);
        Assert.Equal(ReallocationVerdict.Note, execution.Single(l => l.Category == CostCategory.EventsAndTraining).Verdict);
        Assert.Equal(ReallocationVerdict.NeedsAmendment, execution.Single(l => l.Category == CostCategory.Publications).Verdict);
        var audit = execution.Single(l => l.Category == CostCategory.Audit);
        Assert.Equal((400m, 40m, ReallocationVerdict.WithinPlan), (audit.Spent, audit.PercentUsed!.Value, audit.Verdict));
        // Without any budget, the first expense is no overspending: the budget is simply missing.
        var unplanned = BudgetExecution.Compute([], ledger, new DateOnly(2022, 3, 31), 10m);
        Assert.All(unplanned, line => Assert.Equal(ReallocationVerdict.NoBudget, line.Verdict));
    }

    private static readonly ClosedPeriod Q1Submitted = new(new DateOnly(2022, 1, 1), new DateOnly(2022, 3, 31), Approved: false);
    private static readonly ClosedPeriod Q2Approved = new(new DateOnly(2022, 4, 1), new DateOnly(2022, 6, 30), Approved: true);

    [Theory]
    [InlineData("2022-02-10", "2022-02-15", "ExpenseInSubmittedQuarter")] // incurred and paid in Q1
    [InlineData("2022-03-28", "2022-04-04", "ExpenseInApprovedQuarter")]  // counts from 4 April: Q2
    [InlineData("2022-05-02", null, null)]                                // unpaid: in no quarter yet
    [InlineData("2022-07-01", "2022-07-05", null)]                        // Q3 is open
    [InlineData("2022-01-15", "2022-07-01", null)]                        // incurred in Q1, paid in Q3: counts in Q3
    public void An_expense_in_a_submitted_or_approved_quarter_is_refused_and_names_the_quarter(string date, string? paid, string? refusal)
    {
        var expense = Expense(date, paid);
        var closed = new[] { Q1Submitted, Q2Approved };
        if (refusal is null)
        {
            LedgerLock.EnsureOpen(expense, closed);
            Assert.Null(LedgerLock.ClosedFor(expense, closed));
            return;
        }
        var error = Assert.Throws<DomainException>(() => LedgerLock.EnsureOpen(expense, closed));
        Assert.Equal(refusal, error.Code);
        Assert.Equal("PaidOn", error.Field);
        Assert.Equal(refusal == "ExpenseInApprovedQuarter" ? "2022 m. II ketv." : "2022 m. I ketv.", error.Args[0]);
    }
}
