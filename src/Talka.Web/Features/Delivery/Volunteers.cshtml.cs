using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Common;

namespace Talka.Web.Features.Delivery;

public sealed class VolunteersModel(DeliveryQueries queries, DeliveryService service) : DeliveryPage
{
    // From the query only: Razor Pages keeps its own "page" route value.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Organisations.Page<VolunteerRow> Result { get; private set; } = new([], 1, DeliveryQueries.RegisterPageSize, 0);
    public IReadOnlyList<VolunteerRow> Volunteers => Result.Items;

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        Result = await queries.VolunteerPageAsync(Project, PageNumber);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid projectId, string? name, string? role, DateOnly? recruitedOn, bool trained, bool active)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        var result = await service.SaveVolunteerAsync(projectId, null, new VolunteerInput(name, role, recruitedOn, trained, active));
        return await AfterAsync(result, T["Delivery.VolunteerSaved"]);
    }

    public async Task<IActionResult> OnPostHoursAsync(Guid projectId, Guid volunteerId, DateOnly? day, string? hours, string? note)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        if (!LtFormat.TryParseAmount(hours, out var parsed))
        {
            ModelState.AddModelError("", T["Delivery.HoursField"] + ": " + T["Error.NumberInvalid"]);
            Result = await queries.VolunteerPageAsync(Project, PageNumber);
            return Page();
        }
        var result = await service.LogVolunteerHoursAsync(projectId, volunteerId, new VolunteerHoursInput(day, parsed, null, null, note));
        return await AfterAsync(result, T["Delivery.HoursSaved"]);
    }

    private async Task<IActionResult> AfterAsync(Infrastructure.Web.Result<Guid> result, string message)
    {
        if (await FailureAsync(result, "Volunteer") is { } failure) return failure;
        if (result.Ok)
        {
            TempData["Saved"] = message;
            return Redirect($"/projects/{ProjectId}/volunteers");
        }
        Result = await queries.VolunteerPageAsync(Project, PageNumber);
        return Page();
    }
}
