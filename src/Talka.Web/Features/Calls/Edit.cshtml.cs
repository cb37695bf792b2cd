using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Web.Features.Programmes;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Calls;

public sealed class CallForm
{
    public Guid ProgrammeId { get; set; }
    public Guid FundingBodyId { get; set; }
    public string? Title { get; set; }
    public int Year { get; set; } = DateTime.Today.Year;
    public string? LegalActNumber { get; set; }
    public DateOnly? LegalActDate { get; set; }
    public string? LegalActTitle { get; set; }
    public string? TotalBudget { get; set; }
    public string? MinGrant { get; set; }
    public string? MaxGrant { get; set; }
    public DateOnly? ApplicationOpens { get; set; }
    public DateOnly? ApplicationCloses { get; set; }
    public DateOnly? ProjectPeriodStart { get; set; }
    public DateOnly? ProjectPeriodEnd { get; set; }
    public FundingSource FundingSource { get; set; }
    public int MinutesPerAcademicHour { get; set; } = ReportingRules.Default.MinutesPerAcademicHour;
    public string? HalfYearlyReportThreshold { get; set; } = LtFormat.Number(ReportingRules.Default.HalfYearlyReportThreshold);
    public string? ReallocationThresholdPercent { get; set; } = LtFormat.Number(ReportingRules.Default.ReallocationThresholdPercent);
    public string? AdvancePercent { get; set; } = LtFormat.Number(Call.DefaultAdvancePercent);
    public int RecoveryDueMonth { get; set; } = Talka.Domain.Payments.RecoveryDay.Default.Month;
    public int RecoveryDueDay { get; set; } = Talka.Domain.Payments.RecoveryDay.Default.Day;
    public string? AgreementTerms { get; set; }
    public int Version { get; set; }
    public bool NarrativesRequired { get; set; } = true;
    /// <summary>Ticked boxes only: empty by default, so that a form sent back with an error shows what was ticked, not
    /// every category (a new call starts with all of them ticked, set when the form is first shown).</summary>
    public List<Talka.Domain.Finance.CostCategory> CostCategories { get; set; } = [];
}

public sealed class EditModel(ProgrammeQueries queries, ProgrammeService service) : TalkaPage
{
    [BindProperty] public CallForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<ProgrammeRow> Programmes { get; private set; } = [];
    public IReadOnlyList<FundingBodyRow> FundingBodies { get; private set; } = [];
    public IEnumerable<SelectListItem> Months =>
        Enumerable.Range(1, 12).Select(m => new SelectListItem(LtFormat.MonthGenitive(m), m.ToString()));
    public IEnumerable<SelectListItem> FundingSources => Enum.GetValues<FundingSource>().Select(s => new SelectListItem(T.Enum(s), s.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? programmeId)
    {
        if (!(await ViewerAsync()).CanManageProgrammes) return await DenyAsync();
        Id = id;
        await LoadAsync();
        if (id is { } existing)
        {
            var c = await queries.GetCallAsync(existing);
            if (c is null) return NotFound();
            Input = new CallForm
            {
                ProgrammeId = c.ProgrammeId, FundingBodyId = c.FundingBodyId, Title = c.Title, Year = c.Year,
                LegalActNumber = c.LegalActNumber, LegalActDate = c.LegalActDate, LegalActTitle = c.LegalActTitle,
                TotalBudget = Format(c.TotalBudget), MinGrant = Format(c.MinGrant), MaxGrant = Format(c.MaxGrant),
                ApplicationOpens = c.ApplicationOpens, ApplicationCloses = c.ApplicationCloses,
                ProjectPeriodStart = c.ProjectPeriodStart, ProjectPeriodEnd = c.ProjectPeriodEnd, FundingSource = c.FundingSource,
                MinutesPerAcademicHour = c.MinutesPerAcademicHour, HalfYearlyReportThreshold = LtFormat.Number(c.HalfYearlyReportThreshold),
                ReallocationThresholdPercent = LtFormat.Number(c.ReallocationThresholdPercent), Version = c.Version,
                AdvancePercent = LtFormat.Number(c.AdvancePercent),
                RecoveryDueMonth = c.RecoveryDueMonth, RecoveryDueDay = c.RecoveryDueDay, AgreementTerms = c.AgreementTerms,
                CostCategories = c.CostCategories?.ToList() ?? [], NarrativesRequired = c.NarrativesRequired,
            };
        }
        else
        {
            Input.CostCategories = Enum.GetValues<Talka.Domain.Finance.CostCategory>().ToList();
        }
        if (id is null && programmeId is { } chosen && Programmes.FirstOrDefault(p => p.Id == chosen) is { } programme)
        {
            Input.ProgrammeId = chosen;
            Input.FundingBodyId = programme.FundingBodyId;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        Id = id;
        var i = Input;
        var total = Amount(i.TotalBudget, nameof(i.TotalBudget));
        var min = Amount(i.MinGrant, nameof(i.MinGrant));
        var max = Amount(i.MaxGrant, nameof(i.MaxGrant));
        var threshold = Amount(i.HalfYearlyReportThreshold, nameof(i.HalfYearlyReportThreshold)) ?? ReportingRules.Default.HalfYearlyReportThreshold;
        var percent = Amount(i.ReallocationThresholdPercent, nameof(i.ReallocationThresholdPercent)) ?? ReportingRules.Default.ReallocationThresholdPercent;
        var advance = Amount(i.AdvancePercent, nameof(i.AdvancePercent)) ?? Call.DefaultAdvancePercent;
        if (ModelState.ErrorCount == 0)
        {
            var result = await service.SaveCallAsync(id, new CallInput(i.ProgrammeId, i.FundingBodyId, i.Title, i.Year, i.LegalActNumber, i.LegalActDate,
                i.LegalActTitle, total, min, max, i.ApplicationOpens, i.ApplicationCloses, i.ProjectPeriodStart, i.ProjectPeriodEnd, i.FundingSource,
                i.MinutesPerAcademicHour, threshold, percent, i.Version, i.CostCategories, i.NarrativesRequired, advance,
                i.RecoveryDueMonth, i.RecoveryDueDay, i.AgreementTerms));
            if (await FailureAsync(result) is { } failure) return failure;
            if (result.Ok)
            {
                TempData["Saved"] = T["Calls.Saved"];
                return Redirect($"/calls/details/{result.Value}");
            }
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Programmes = await queries.ListAsync();
        FundingBodies = await queries.FundingBodiesAsync();
    }

    private static string? Format(decimal? amount) => amount is { } a ? LtFormat.Number(a) : null;
}
