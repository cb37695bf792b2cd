using Talka.Domain.Common;
using Talka.Domain.Delivery;

namespace Talka.Domain.Finance;

/// <summary>Cost categories of a project budget (the ministry's default list).</summary>
public enum CostCategory { Personnel, ExpertsAndServices, EventsAndTraining, Publications, Publicity, Audit, Travel, Equipment, Administration }

public enum DocumentType { Invoice, Receipt, PayrollSheet, ServiceAct, Contract, Other }

public sealed record BudgetLineInput(CostCategory Category, decimal GrantAmount, decimal OwnFunds);

/// <summary>One cost category of a project's budget: what the grant and the organisation's own funds will
/// pay.</summary>
public sealed class BudgetLine
{
    private BudgetLine() { }

    public BudgetLine(Guid projectId, BudgetLineInput input, int row)
    {
        ProjectId = projectId;
        Category = Guard.Defined(input.Category, $"Lines[{row}].Category");
        GrantAmount = Guard.NonNegativeAmount(input.GrantAmount, $"Lines[{row}].GrantAmount");
        OwnFunds = Guard.NonNegativeAmount(input.OwnFunds, $"Lines[{row}].OwnFunds");
    }

    public Guid ProjectId { get; private set; }
    public CostCategory Category { get; private set; }
    public decimal GrantAmount { get; private set; }
    public decimal OwnFunds { get; private set; }
    public decimal Planned => GrantAmount + OwnFunds;
}

public static class Budgets
{
    /// <summary>A budget has one line per category, and its grant part adds up to the granted amount where that is
    /// known.</summary>
    public static IReadOnlyList<BudgetLine> Build(Guid projectId, IReadOnlyList<BudgetLineInput> lines, decimal? grantedAmount,
        IReadOnlyCollection<CostCategory>? callCategories = null)
    {
        var built = lines.Select((line, row) => new BudgetLine(projectId, line, row)).ToList();
        if (callCategories is not null && lines.Select((l, row) => (l, row)).FirstOrDefault(x => !callCategories.Contains(x.l.Category)) is { l: not null } outside)
            throw new DomainException("CategoryNotInCall", $"Lines[{outside.row}].Category");
        if (lines.GroupBy(l => l.Category).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException("CategoryTwice", $"Lines[{lines.ToList().FindLastIndex(l => l.Category == twice.Key)}].Category");
        var grantTotal = built.Sum(l => l.GrantAmount);
        if (grantedAmount is { } granted && grantTotal != granted)
            throw new DomainException("BudgetNotGranted", "Lines", grantTotal, granted);
        return built;
    }

    /// <summary>The lines with their grant parts rescaled in proportion so that they add up to a new granted amount
    /// (an amendment of the amount): each rounded to the cent, what rounding leaves over or short on the largest
    /// line. Own funds do not change; a budget without grant lines is left as it is.</summary>
    public static IReadOnlyList<BudgetLineInput> Rescale(IReadOnlyList<BudgetLineInput> lines, decimal newGrant)
    {
        var total = lines.Sum(l => l.GrantAmount);
        if (total == 0)
            return lines;
        var scaled = lines.Select(l => l with { GrantAmount = decimal.Round(l.GrantAmount * newGrant / total, 2) }).ToList();
        var rest = newGrant - scaled.Sum(l => l.GrantAmount);
        var largest = scaled.IndexOf(scaled.MaxBy(l => l.GrantAmount)!);
        scaled[largest] = scaled[largest] with { GrantAmount = scaled[largest].GrantAmount + rest };
        return scaled;
    }
}

public sealed record ExpenditureDetails(
    DocumentType DocumentType, string DocumentNumber, DateOnly DocumentDate, string Supplier, string Content, CostCategory Category,
    decimal Amount, DateOnly? PaidOn);

/// <summary>An expense in the ledger: an accounting document (type, number, date), its supplier, content, category,
/// amount and payment.</summary>
public sealed class Expenditure : IVersioned
{
    private Expenditure() { DocumentNumber = ""; Supplier = ""; Content = ""; }

    public Expenditure(Guid projectId, DateRange projectPeriod, ExpenditureDetails details)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        DocumentNumber = ""; Supplier = ""; Content = "";
        Update(projectPeriod, details);
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public DocumentType DocumentType { get; private set; }
    public string DocumentNumber { get; private set; }
    /// <summary>When the expense was incurred (the accounting document's date).</summary>
    public DateOnly DocumentDate { get; private set; }
    public string Supplier { get; private set; }
    public string Content { get; private set; }
    public CostCategory Category { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly? PaidOn { get; private set; }

    /// <summary>Why the funder does not admit the expense at closure (e.g. VAT the organisation can recover); null
    /// when admitted.</summary>
    public string? DisallowedReason { get; private set; }

    /// <summary>The document number, supplier and content as searched: lower case, no diacritics
    /// (<see cref="SearchText"/>).</summary>
    public string Search { get; private set; } = "";
    public int Version { get; set; }

    /// <summary>Disallows the expense with a reason, or admits it again (no reason).</summary>
    public void Disallow(string? reason) => DisallowedReason = Guard.Optional(reason, nameof(DisallowedReason), 500);

    public void Update(DateRange projectPeriod, ExpenditureDetails d)
    {
        DocumentType = Guard.Defined(d.DocumentType, nameof(DocumentType));
        DocumentNumber = Guard.Required(d.DocumentNumber, nameof(DocumentNumber), 100);
        if (!projectPeriod.Contains(d.DocumentDate)) throw new DomainException("DateOutsideProject", nameof(DocumentDate), projectPeriod.Start, projectPeriod.End);
        DocumentDate = d.DocumentDate;
        Supplier = Guard.Required(d.Supplier, nameof(Supplier), 300);
        Content = Guard.Required(d.Content, nameof(Content), 1000);
        Category = Guard.Defined(d.Category, nameof(Category));
        if (d.Amount <= 0) throw new DomainException(d.Amount < 0 ? "AmountNegative" : "AmountZero", nameof(Amount));
        Amount = Guard.NonNegativeAmount(d.Amount, nameof(Amount));
        if (d.PaidOn is { } paid && paid < d.DocumentDate.AddYears(-1)) throw new DomainException("PaidLongBefore", nameof(PaidOn));
        PaidOn = d.PaidOn;
        Search = SearchText.Normalize($"{DocumentNumber} {Supplier} {Content}");
    }

    /// <summary>Only expenses both incurred and paid by the day count by then.</summary>
    public bool CountsBy(DateOnly day) => DocumentDate <= day && PaidOn is { } paid && paid <= day;

    /// <summary>The same rule as <see cref="CountsBy"/>, for the database to filter and sum by.</summary>
    public static System.Linq.Expressions.Expression<Func<Expenditure, bool>> CountingBy(DateOnly day) =>
        e => e.DocumentDate <= day && e.PaidOn != null && e.PaidOn <= day;

    /// <summary>The day the expense first counts: incurred and paid. Null while it is unpaid.</summary>
    public DateOnly? CountsFrom => PaidOn is { } paid ? paid > DocumentDate ? paid : DocumentDate : null;

    /// <summary>The first quarter whose report includes the expense; null while it is unpaid.</summary>
    public Quarter? FirstQuarter => CountsFrom is { } day ? Quarter.Of(day) : null;
}

/// <summary>How a category's spending stands against the plan; <see cref="NoBudget"/> where no budget was entered at
/// all.</summary>
public enum ReallocationVerdict { WithinPlan, Note, NeedsAmendment, NoBudget }

public sealed record ExecutionLine(CostCategory Category, decimal Planned, decimal Spent, decimal? PercentUsed, decimal Overspend, ReallocationVerdict Verdict);

/// <summary>Planned against spent by category, as of a day, with the call's reallocation threshold applied to
/// overspends.</summary>
public static class BudgetExecution
{
    public static IReadOnlyList<ExecutionLine> Compute(IReadOnlyList<BudgetLine> budget, IReadOnlyList<Expenditure> ledger, DateOnly asOf, decimal thresholdPercent) =>
        Compute(budget, ledger.Where(e => e.CountsBy(asOf)).GroupBy(e => e.Category).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount)),
            thresholdPercent);

    /// <summary>The same from what each category spent by the day (summed where the ledger is, in the
    /// database).</summary>
    public static IReadOnlyList<ExecutionLine> Compute(IReadOnlyList<BudgetLine> budget, IReadOnlyDictionary<CostCategory, decimal> spent,
        decimal thresholdPercent)
    {
        var categories = budget.Select(b => b.Category).Union(spent.Keys).Order();
        return categories.Select(category =>
        {
            var planned = budget.Where(b => b.Category == category).Sum(b => b.Planned);
            var used = spent.GetValueOrDefault(category);
            var over = Math.Max(0, used - planned);
            // Without any budget there is nothing to overspend: the page says the budget is missing, not that the
            // agreement must change.
            var verdict = budget.Count == 0 ? ReallocationVerdict.NoBudget
                : over == 0 ? ReallocationVerdict.WithinPlan
                : planned > 0 && over <= planned * thresholdPercent / 100m ? ReallocationVerdict.Note
                : ReallocationVerdict.NeedsAmendment;
            return new ExecutionLine(category, planned, used, planned > 0 ? decimal.Round(used * 100m / planned, 1) : null, over, verdict);
        }).ToList();
    }
}
