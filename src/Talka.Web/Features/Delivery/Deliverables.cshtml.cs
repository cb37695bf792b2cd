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

public sealed class DeliverablesModel(DeliveryQueries queries, DeliveryService service) : DeliveryPage
{
    [BindProperty(SupportsGet = true)] public DeliverableKind? Kind { get; set; }
    [BindProperty] public DeliverableForm Input { get; set; } = new();
    public IReadOnlyList<DeliverableRow> Deliverables { get; private set; } = [];
    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<DeliverableKind>().Select(k => new SelectListItem(T.Enum(k), k.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        Deliverables = await queries.DeliverablesAsync(Project, Kind);
        return Page();
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
        Deliverables = await queries.DeliverablesAsync(Project, null);
        return Page();
    }
}
