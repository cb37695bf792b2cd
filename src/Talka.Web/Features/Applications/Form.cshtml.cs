using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Calls;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Applications;

/// <summary>A funder admin sets a call's form: the window (Vilnius time), the cap, the numbering, the eligibility rules
/// with their parameters, the required attachments and sections, and the clarification's working days. The same
/// service as PUT /api/v1/calls/{id}/application-form.</summary>
public sealed class FormModel(ApplicationQueries queries, ApplicationService service) : TalkaPage
{
    public static readonly (string Key, string Title)[] StandardAttachments =
    [
        ("Statutes", "Įstatai"),
        ("FinancialStatements", "Paskutinių metų finansinių ataskaitų rinkinys"),
        ("ActivityReport", "Paskutinių metų veiklos ataskaita"),
        ("PartnershipAgreement", "Partnerystės sutartis"),
    ];

    public string CallTitle { get; private set; } = "";

    [BindProperty]
    public CallFormInput Input { get; set; } = new();

    public sealed class CallFormInput
    {
        public DateTime? Opens { get; set; }
        public DateTime? Closes { get; set; }
        public int? Cap { get; set; }
        public string NumberPattern { get; set; } = ApplicationForm.DefaultNumberPattern;
        public int ClarificationWorkingDays { get; set; } = 5;
        public List<EligibilityRuleKind> Rules { get; set; } = [];
        public string? IncomeAmount { get; set; }
        public int? IncomeYear { get; set; }
        public int? Counties { get; set; }
        public int? Employees { get; set; }
        public List<string> Attachments { get; set; } = [];
        public List<ApplicationSection> Sections { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!(await ViewerAsync()).CanSetCallForms)
            return await DenyAsync();
        if (await queries.CallTitleAsync(id, HttpContext.RequestAborted) is not { } title)
            return NotFound();
        CallTitle = title;
        if ((await queries.FormAsync(id, HttpContext.RequestAborted))?.Form is { } form)
            Input = new CallFormInput
            {
                Opens = form.Opens,
                Closes = form.Closes,
                Cap = form.Cap,
                NumberPattern = form.NumberPattern,
                ClarificationWorkingDays = form.ClarificationWorkingDays,
                Rules = [.. form.Rules.Where(r => r.Calls is null).Select(r => r.Kind)],
                IncomeAmount = form.Rules.FirstOrDefault(r => r.Kind == EligibilityRuleKind.MinimumIncome)?.Amount
                    is { } amount
                    ? Talka.Domain.Common.LtFormat.Amount(amount)
                    : null,
                IncomeYear = form.Rules.FirstOrDefault(r => r.Kind == EligibilityRuleKind.MinimumIncome)?.Year,
                Counties = form.Rules.FirstOrDefault(r => r.Kind == EligibilityRuleKind.CountiesAtLeast)?.Count,
                Employees = form.Rules.FirstOrDefault(r => r.Kind == EligibilityRuleKind.EmployeesAtLeast)?.Count,
                Attachments = [.. form.Attachments.Select(a => a.Key)],
                Sections = [.. form.Sections],
            };
        else
            Input = new CallFormInput
            {
                Rules = [EligibilityRuleKind.NgoMark, EligibilityRuleKind.NotInLiquidation],
                Attachments = ["Statutes"],
                Sections = [.. Enum.GetValues<ApplicationSection>()],
            };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var income = Amount(Input.IncomeAmount, nameof(Input.IncomeAmount));
        // Rules that name other calls are kept as they are: this page does not edit them.
        var kept =
            (await queries.FormAsync(id, HttpContext.RequestAborted))?.Form.Rules.Where(r => r.Calls is not null) ?? [];
        var rules = Input
            .Rules.Distinct()
            .Where(k =>
                k is not (EligibilityRuleKind.NotFundedByCalls or EligibilityRuleKind.OneApplicationAcrossCalls)
            )
            .Select(kind =>
                kind switch
                {
                    EligibilityRuleKind.MinimumIncome => new EligibilityRule(kind, income, Input.IncomeYear),
                    EligibilityRuleKind.CountiesAtLeast => new EligibilityRule(kind, Count: Input.Counties),
                    EligibilityRuleKind.EmployeesAtLeast => new EligibilityRule(kind, Count: Input.Employees),
                    _ => new EligibilityRule(kind),
                }
            )
            .Concat(kept)
            .ToList();
        var attachments = StandardAttachments
            .Where(a => Input.Attachments.Contains(a.Key))
            .Select(a => new RequiredAttachment(a.Key, a.Title))
            .ToList();
        if (ModelState.IsValid)
        {
            var result = await service.SetFormAsync(
                id,
                new ApplicationFormInput(
                    Input.Opens,
                    Input.Closes,
                    Input.Cap,
                    Input.NumberPattern,
                    rules,
                    attachments,
                    Input.Sections,
                    Input.ClarificationWorkingDays
                ),
                HttpContext.RequestAborted
            );
            if (await FailureAsync(result) is { } failure)
                return failure;
            if (result.Ok)
            {
                TempData["Saved"] = T["Applications.FormSaved"];
                return Redirect($"/calls/details/{id}");
            }
        }
        CallTitle = await queries.CallTitleAsync(id, HttpContext.RequestAborted) ?? "";
        return Page();
    }
}
