using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Talka.Domain.Delivery;

namespace Talka.Web.Features.Delivery;

public sealed class DeliverableForm
{
    public DeliverableKind Kind { get; set; } = DeliverableKind.Publication;
    public string? Title { get; set; }
    public DateOnly? Date { get; set; }
    public string? PresentedTo { get; set; }
    public int? SurveySent { get; set; }
    public int? SurveyAnswered { get; set; }
    public string? Auditor { get; set; }
    public string? Description { get; set; }
}

public sealed class DeliverablesModel(DeliveryQueries queries, DeliveryService service, Evidence.EvidenceService evidence) : DeliveryPage
{
    [BindProperty(SupportsGet = true)] public DeliverableKind? Kind { get; set; }
    [BindProperty] public DeliverableForm Input { get; set; } = new();
    // From the query only: Razor Pages keeps its own "page" route value.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Organisations.Page<DeliverableRow> Result { get; private set; } = new([], 1, DeliveryQueries.RegisterPageSize, 0);
    public IReadOnlyList<DeliverableRow> Deliverables => Result.Items;
    public ILookup<Guid?, Evidence.EvidenceRow> Files { get; private set; } = Array.Empty<Evidence.EvidenceRow>().ToLookup(f => f.OwnerId);
    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<DeliverableKind>().Select(k => new SelectListItem(T.Enum(k), k.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        await LoadAsync(Kind);
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid projectId, Guid deliverableId, IFormFile? file)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        if (file is null || file.Length == 0) ModelState.AddModelError("", T["Error.FileEmpty"]);
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await evidence.UploadAsync(projectId, EvidenceOwner.Deliverable, deliverableId, stream, file.FileName, file.Length);
            if (await FailureAsync(result, "Evidence") is { } failure) return failure;
            if (result.Ok)
            {
                TempData["Saved"] = T["Evidence.Saved", file.FileName];
                return Redirect($"/projects/{projectId}/deliverables");
            }
        }
        await LoadAsync(null);
        return Page();
    }

    private async Task LoadAsync(DeliverableKind? kind)
    {
        Result = await queries.DeliverablePageAsync(Project, kind, PageNumber);
        var shown = Deliverables.Select(d => (Guid?)d.Id).ToHashSet();
        Files = (await evidence.ListAsync(Project, EvidenceOwner.Deliverable)).Where(f => shown.Contains(f.OwnerId)).ToLookup(f => f.OwnerId);
    }

    public async Task<IActionResult> OnPostAsync(Guid projectId)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        var i = Input;
        var result = await service.SaveDeliverableAsync(projectId, null, new DeliverableInput(null, i.Kind, i.Title, i.Date, i.PresentedTo, i.SurveySent, i.SurveyAnswered, i.Auditor, i.Description));
        if (await FailureAsync(result) is { } failure) return failure;
        if (result.Ok)
        {
            TempData["Saved"] = T["Delivery.DeliverableSaved"];
            return Redirect($"/projects/{projectId}/deliverables");
        }
        await LoadAsync(null);
        return Page();
    }
}
