using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Applications;
using Talka.Domain.Calls;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Applications;

/// <summary>
/// One application. Its applicant's members edit the draft (saved as they type), see what is missing, attach the
/// call's documents, submit and withdraw; the funder's officer marks the formal check, asks for clarification and
/// decides; auditors read. The same services as the API.
/// </summary>
public sealed class DetailsModel(ApplicationQueries queries, ApplicationService service, ApplicationTexts words)
    : TalkaPage
{
    public ApplicationView? Application { get; private set; }
    public CallFormView? CallForm { get; private set; }
    public IReadOnlyList<CostCategoryRow> Categories { get; private set; } = [];

    /// <summary>What each version after the first changed, in words.</summary>
    public Dictionary<int, IReadOnlyList<string>> Changes { get; } = [];

    [BindProperty]
    public DraftForm Input { get; set; } = new();

    [BindProperty]
    public List<CheckEntryForm> Marks { get; set; } = [];

    [BindProperty]
    public List<string> ClarifyItems { get; set; } = [];

    [BindProperty]
    public string? ClarifyMessage { get; set; }

    public sealed class CheckEntryForm
    {
        public string Item { get; set; } = "";
        public CheckMark? Mark { get; set; }
        public string? Note { get; set; }
        public string? InternalNote { get; set; }
    }

    public sealed record CostCategoryRow(Talka.Domain.Finance.CostCategory Category, string Label);

    public string Item(string key) => words.Item(key, CallForm?.Form);

    public async Task<IActionResult> OnGetAsync(Guid id) => await ShowAsync(id, fromForm: false) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(Guid id)
    {
        var result = await SaveAsync(id);
        if (await FailureAsync(result) is { } failure)
            return failure;
        if (!result.Ok || !ModelState.IsValid)
            return await ShowAsync(id, fromForm: true) ?? Page();
        TempData["Saved"] = T["Applications.DraftSaved"];
        return Redirect($"/applications/{id}");
    }

    /// <summary>The page's autosave: the draft saved as the applicant types; JSON with the new version and what is
    /// still missing, or the field errors.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id)
    {
        var result = await SaveAsync(id);
        if (AutosaveRefusal(result) is { } refusal)
            return refusal;
        var view = await queries.GetAsync(id, HttpContext.RequestAborted);
        return new JsonResult(
            new
            {
                version = result.Value,
                missing = view?.MissingLabels ?? [],
                saved = T["Applications.AutoSaved", DateTime.Now.ToString("HH:mm")],
            }
        );
    }

    public async Task<IActionResult> OnPostAttachAsync(Guid id, string key, IFormFile? file)
    {
        if (file is null)
        {
            ModelState.AddModelError("File", T["Error.FileEmpty"]);
            return await ShowAsync(id, fromForm: false) ?? Page();
        }
        await using var stream = file.OpenReadStream();
        var result = await service.AttachAsync(id, key, stream, file.FileName, file.Length, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return await ShowAsync(id, fromForm: false) ?? Page();
        TempData["Saved"] = T["Applications.Attached", file.FileName];
        return Redirect($"/applications/{id}");
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        var result = await service.SubmitAsync(id, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return await ShowAsync(id, fromForm: false) ?? Page();
        TempData["Saved"] = T["Applications.Submitted", result.Value!.Number, result.Value.Version];
        return Redirect($"/applications/{id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        var result = await service.WithdrawAsync(id, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return await ShowAsync(id, fromForm: false) ?? Page();
        TempData["Saved"] = T["Applications.Withdrawn"];
        return Redirect($"/applications/{id}");
    }

    public async Task<IActionResult> OnPostFundAsync(Guid id)
    {
        var result = await service.FundAsync(id, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return await ShowAsync(id, fromForm: false) ?? Page();
        TempData["Saved"] = T["Applications.FundedDone"];
        return Redirect($"/projects/details/{result.Value}");
    }

    public Task<IActionResult> OnPostCheckAsync(Guid id) => CheckAsync(id, decide: false);

    public Task<IActionResult> OnPostDecideAsync(Guid id) => CheckAsync(id, decide: true);

    public async Task<IActionResult> OnPostClarifyAsync(Guid id)
    {
        var result = await service.RequestClarificationAsync(
            id,
            new ClarificationInput(ClarifyItems, ClarifyMessage),
            HttpContext.RequestAborted
        );
        if (await FailureAsync(result, "Clarify") is { } failure)
            return failure;
        if (!result.Ok)
            return await ShowAsync(id, fromForm: false) ?? Page();
        TempData["Saved"] = T["Applications.ClarificationSent", LtFormat.LongDate(result.Value)];
        return Redirect($"/applications/{id}");
    }

    private async Task<IActionResult> CheckAsync(Guid id, bool decide)
    {
        var marks = Marks.Select(m => new CheckEntry(m.Item, m.Mark, m.Note, m.InternalNote)).ToList();
        var result = await service.CheckAsync(id, new FormalCheckInput(marks, decide), HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return await ShowAsync(id, fromForm: false) ?? Page();
        TempData["Saved"] = decide ? T["ApplicationStatus." + result.Value] : T["Applications.CheckSaved"];
        return Redirect($"/applications/{id}");
    }

    private async Task<Result<int>> SaveAsync(Guid id)
    {
        var partners = new Dictionary<int, Guid?>();
        for (var i = 0; i < Input.Partners.Count; i++)
            if (!string.IsNullOrWhiteSpace(Input.Partners[i].Code))
                partners[i] = await queries.OrganisationByCodeAsync(
                    Input.Partners[i].Code!,
                    HttpContext.RequestAborted
                );
        var content = Input.ToContent(
            Amount,
            (code, i) =>
            {
                if (partners.GetValueOrDefault(i) is { } found)
                    return found;
                ModelState.AddModelError(
                    $"Input.Partners[{i}].Code",
                    string.IsNullOrWhiteSpace(code) ? T["Error.Required"] : T["Applications.PartnerUnknown", code]
                );
                return null;
            }
        );
        if (!ModelState.IsValid)
            return Result<int>.Invalid();
        return await service.SaveDraftAsync(id, new DraftInput(Input.Version, content), HttpContext.RequestAborted);
    }

    private async Task<IActionResult?> ShowAsync(Guid id, bool fromForm)
    {
        Application = await queries.GetAsync(id, HttpContext.RequestAborted);
        if (Application is null)
            return (await ViewerAsync()).IsAuthenticated ? NotFound() : Challenge();
        CallForm = await queries.FormAsync(Application.CallId, HttpContext.RequestAborted);
        var categories = await queries.CategoriesAsync(Application.CallId, HttpContext.RequestAborted);
        Categories = [.. categories.Select(c => new CostCategoryRow(c, T.Enum(c)))];
        foreach (var v in Application.Versions.Where(v => v.Number > 1))
            if (await queries.VersionAsync(id, v.Number, HttpContext.RequestAborted) is { } version)
                Changes[v.Number] = version.ChangedLabels;
        if (!fromForm)
            Input = DraftForm.From(Application.Content, Application.Version, categories, Application.Partners);
        // The saved marks, unless refused marks were posted: those come back as chosen.
        if (Application.Marks is { } marks && CallForm is { } form && Marks.Count == 0)
            Marks =
            [
                .. Talka
                    .Domain.Applications.Application.CheckItems(form.Form)
                    .Select(item =>
                        marks.FirstOrDefault(m => m.Item == item) is { } m
                            ? new CheckEntryForm
                            {
                                Item = item,
                                Mark = m.Mark,
                                Note = m.Note,
                                InternalNote = m.InternalNote,
                            }
                            : new CheckEntryForm { Item = item }
                    ),
            ];
        return null;
    }
}
