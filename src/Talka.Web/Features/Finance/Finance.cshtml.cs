using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Talka.Domain.Common;
using Talka.Domain.Finance;
using Talka.Web.Features.Delivery;

namespace Talka.Web.Features.Finance;

public sealed class ExpenseForm
{
    /// <summary>The expense being corrected; null for a new one.</summary>
    public Guid? Id { get; set; }
    public int Version { get; set; }
    public DocumentType DocumentType { get; set; } = DocumentType.Invoice;
    public string? DocumentNumber { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public string? Supplier { get; set; }
    public string? Content { get; set; }
    public CostCategory Category { get; set; } = CostCategory.EventsAndTraining;
    public string? Amount { get; set; }
    public DateOnly? PaidOn { get; set; }
}

public sealed class BudgetFormLine
{
    public CostCategory Category { get; set; }
    public string? Grant { get; set; }
    public string? Own { get; set; }
}

public sealed class FinanceModel(FinanceService finance) : DeliveryPage
{
    [BindProperty] public ExpenseForm Expense { get; set; } = new();
    public FinanceView? View { get; private set; }
    public IEnumerable<SelectListItem> DocumentTypes => Enum.GetValues<DocumentType>().Select(x => new SelectListItem(T.Enum(x), x.ToString()));
    public IEnumerable<SelectListItem> Categories => Enum.GetValues<CostCategory>().Select(x => new SelectListItem(T.Enum(x), x.ToString()));

    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "sort")] public string? Sort { get; set; }
    public string SortedBy => FinanceService.LedgerSorts.Contains(Sort) ? Sort! : "date";

    public IReadOnlyList<Infrastructure.Web.FilterChip> Chips => string.IsNullOrWhiteSpace(Search) ? []
        : [new(T["Filters.Search", Search.Trim()], Infrastructure.Web.FilterChip.Without(Request.Path, Request.Query, "q") + "#ledger")];

    public Infrastructure.Web.SortHeading Heading(string label, string sort, string? css = null) =>
        Infrastructure.Web.SortHeading.For(label, sort, SortedBy, Request.Path, Request.Query, sort == "amount", css);

    public async Task<IActionResult> OnGetAsync(Guid projectId, DateOnly? asOf, Guid? edit, [FromQuery(Name = "page")] int? page)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        View = await finance.ViewAsync(projectId, asOf, HttpContext.RequestAborted, page ?? 1, Search,
            FinanceService.LedgerSorts.Contains(Sort) ? Sort : null);
        // The expense to correct is read by its id, whichever page of the ledger it is on.
        if (edit is { } id && await finance.ExpenseAsync(projectId, id, HttpContext.RequestAborted) is { Locked: false } row)
        {
            Expense = new ExpenseForm
            {
                Id = row.Id, Version = row.Version, DocumentType = row.DocumentType, DocumentNumber = row.DocumentNumber,
                DocumentDate = row.DocumentDate, Supplier = row.Supplier, Content = row.Content, Category = row.Category,
                Amount = LtFormat.Number(row.Amount), PaidOn = row.PaidOn,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteExpenseAsync(Guid projectId, Guid expenseId, int version)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        var result = await finance.DeleteExpenditureAsync(projectId, expenseId, version);
        if (await FailureAsync(result, "Expense") is { } failure) return failure;
        if (result.Ok)
        {
            TempData["Saved"] = T["Finance.ExpenseRemoved"];
            return Redirect($"/projects/{projectId}/finance");
        }
        View = await finance.ViewAsync(projectId, null);
        return Page();
    }

    public async Task<IActionResult> OnPostExpenseAsync(Guid projectId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        var amount = Amount(Expense.Amount, "Amount");
        ModelState.Remove("Input.Amount");
        if (amount is null) ModelState.AddModelError("Expense.Amount", string.IsNullOrWhiteSpace(Expense.Amount) ? T["Error.Required"] : T["Error.AmountInvalid"]);
        else
        {
            var e = Expense;
            var result = await finance.SaveExpenditureAsync(projectId, e.Id,
                new ExpenditureInput(e.DocumentType, e.DocumentNumber, e.DocumentDate, e.Supplier, e.Content, e.Category, amount.Value, e.PaidOn, e.Version));
            if (await FailureAsync(result, "Expense") is { } failure) return failure;
            if (result.Ok)
            {
                TempData["Saved"] = T["Finance.ExpenseSaved"];
                return Redirect($"/projects/{projectId}/finance");
            }
        }
        View = await finance.ViewAsync(projectId, null);
        return Page();
    }

    /// <summary>The budget as typed, shown again when saving it was refused (never the saved figures over what the user
    /// typed).</summary>
    public IReadOnlyList<BudgetFormLine>? TypedBudget { get; private set; }

    public async Task<IActionResult> OnPostBudgetAsync(Guid projectId, List<BudgetFormLine> lines, int budgetVersion)
    {
        TypedBudget = lines;
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        var input = new List<BudgetLineInput>();
        foreach (var line in lines)
        {
            decimal grant = 0, own = 0;
            if ((!string.IsNullOrWhiteSpace(line.Grant) && !LtFormat.TryParseAmount(line.Grant, out grant)) ||
                (!string.IsNullOrWhiteSpace(line.Own) && !LtFormat.TryParseAmount(line.Own, out own)))
                ModelState.AddModelError("", T.Enum(line.Category) + ": " + T["Error.AmountInvalid"]);
            input.Add(new BudgetLineInput(line.Category, grant, own));
        }
        if (ModelState.ErrorCount == 0)
        {
            var result = await finance.SaveBudgetAsync(projectId, new BudgetInput(input, budgetVersion));
            if (await FailureAsync(result, "Budget") is { } failure) return failure;
            if (result.Ok)
            {
                TempData["Saved"] = T["Finance.BudgetSaved"];
                return Redirect($"/projects/{projectId}/finance");
            }
        }
        View = await finance.ViewAsync(projectId, null);
        return Page();
    }
}
