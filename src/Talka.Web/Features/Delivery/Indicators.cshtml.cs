using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Delivery;
using Talka.Domain.Indicators;

namespace Talka.Web.Features.Delivery;

/// <summary>The project's indicators against the plan, each number a link to the records it counts.</summary>
public sealed class IndicatorsModel(IndicatorQueries indicators, DeliveryService service) : DeliveryPage
{
    public IndicatorReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refused) return refused;
        Report = await indicators.ForAsync(Project);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid projectId, Guid indicatorId, string? value, string? evidence)
    {
        if (await EnterAsync(projectId, write: true) is { } refused) return refused;
        if (!Talka.Domain.Common.LtFormat.TryParseAmount(value, out var parsed)) ModelState.AddModelError("", T["Delivery.Actual"] + ": " + T["Error.NumberInvalid"]);
        else
        {
            var result = await service.RecordManualActualAsync(projectId, indicatorId, parsed, evidence);
            if (await FailureAsync(result, "Manual") is { } failure) return failure;
            if (result.Ok)
            {
                TempData["Saved"] = T["Delivery.ManualSaved"];
                return Redirect($"/projects/{projectId}/indicators");
            }
        }
        Report = await indicators.ForAsync(Project);
        return Page();
    }

    public string KindLabel(string key) =>
        Enum.TryParse<EventKind>(key, out var kind) ? T.Enum(kind) : Enum.TryParse<DeliverableKind>(key, out var d) ? T.Enum(d) : key;

    public string QuarterLabel(string key) => key.Split('Q') is [var y, var q] ? new Quarter(int.Parse(y), int.Parse(q)).ToString() : key;

    /// <summary>Where a figure's records are listed.</summary>
    public string LinkFor(Metric metric, Part? part = null) => FigureLinks.For(ProjectId, metric, part);
}
