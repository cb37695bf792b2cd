using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Talka.Domain.Common;
using Talka.Domain.Projects;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Projects;

public sealed class PlanForm
{
    public int Version { get; set; }
    public string? Title { get; set; }
    public string? Goal { get; set; }
    public string? Summary { get; set; }
    public List<ObjectiveRow> Objectives { get; set; } = [];
    public List<ActivityRow> Activities { get; set; } = [];
    public List<TargetGroup> TargetGroups { get; set; } = [];
    public List<string> Municipalities { get; set; } = [];
    public List<Guid> PartnerIds { get; set; } = [];
    public List<IndicatorRow> Indicators { get; set; } = [];

    /// <summary>A row button pressed instead of Save: "add:Activities", "remove:Activities:2", "up:Objectives:1",
    /// "down:Indicators:0". The form comes back changed, nothing saved.</summary>
    public string? Command { get; set; }

    public sealed class ObjectiveRow { public Guid? Id { get; set; } public string? Text { get; set; } }
    public sealed class ActivityRow
    {
        public Guid? Id { get; set; }
        public int ObjectiveNumber { get; set; } = 1;
        public ActivityKind Kind { get; set; } = ActivityKind.Training;
        public string? Title { get; set; }
        public string? Description { get; set; }
    }
    public sealed class IndicatorRow
    {
        public Guid? Id { get; set; }
        public string? Name { get; set; }
        public string? Unit { get; set; }
        public string? Target { get; set; }
        public Talka.Domain.Indicators.Metric? Metric { get; set; }
    }
}

/// <summary>Edits the plan as a whole. Rows are added, removed and moved with their buttons (the form comes back
/// changed, nothing saved until Save); a blank new row is ignored.</summary>
public sealed partial class EditPlanModel(ProjectQueries queries, ProjectService service, OrganisationQueries organisations) : TalkaPage
{
    /// <summary>The row to focus after a row button: the added, moved or following row ("Activities_2").</summary>
    public string? FocusRow { get; private set; }

    [BindProperty] public PlanForm Input { get; set; } = new();
    public Guid Id { get; private set; }
    public string ProjectTitle { get; private set; } = "";
    public IReadOnlyList<SelectListItem> ObjectiveNumbers { get; private set; } = [];
    public IEnumerable<SelectListItem> Kinds => Enum.GetValues<ActivityKind>().Select(k => new SelectListItem(T.Enum(k), k.ToString()));
    public IEnumerable<SelectListItem> TargetGroupItems =>
        Enum.GetValues<TargetGroup>().Select(g => new SelectListItem(T.Enum(g), g.ToString()));
    public IEnumerable<SelectListItem> MunicipalityItems => Municipalities.All.Select(m => new SelectListItem(m, m));
    public IReadOnlyList<SelectListItem> PartnerItems { get; private set; } = [];
    public IEnumerable<SelectListItem> Metrics => Enum.GetValues<Talka.Domain.Indicators.Metric>().Select(m => new SelectListItem(T.Enum(m), m.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Id = id;
        var viewer = await ViewerAsync();
        var p = await queries.GetAsync(viewer, id);
        if (p is null) return viewer.ReadsEverything ? NotFound() : await DenyAsync();
        if (!p.CanEditPlan) return await DenyAsync();
        ProjectTitle = p.Title;
        Input = new PlanForm
        {
            Version = p.Version, Title = p.Title, Goal = p.Goal, Summary = p.Summary,
            Objectives = p.Objectives.Select(o => new PlanForm.ObjectiveRow { Id = o.Id, Text = o.Text }).ToList(),
            Activities = p.Objectives.SelectMany(o => o.Activities.Select(a => new PlanForm.ActivityRow
                { Id = a.Id, ObjectiveNumber = o.Number, Kind = a.Kind, Title = a.Title, Description = a.Description })).ToList(),
            TargetGroups = p.TargetGroups.ToList(),
            Municipalities = p.Municipalities.ToList(),
            PartnerIds = p.Partners.Select(x => x.Id).ToList(),
            Indicators = p.Indicators.Select(i => new PlanForm.IndicatorRow { Id = i.Id, Name = i.Name, Unit = i.Unit, Target = LtFormat.Number(i.Target), Metric = i.Metric }).ToList(),
        };
        await PrepareAsync(p.OrganisationId, addBlankRows: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        Id = id;
        var viewer = await ViewerAsync();
        var p = await queries.GetAsync(viewer, id);
        if (p is null) return viewer.ReadsEverything ? NotFound() : await DenyAsync();
        if (!p.CanEditPlan) return await DenyAsync();
        ProjectTitle = p.Title;
        if (Input.Command is { Length: > 0 } command)
        {
            // The indices of the posted values move with the rows: the form is shown from the changed rows.
            ModelState.Clear();
            FocusRow = PlanRows.Apply(Input, command);
            await PrepareAsync(p.OrganisationId, addBlankRows: false);
            return Page();
        }

        // Keep rows that have content (or that existed); remember each kept row's place in the form for error messages.
        var objectiveRows = Keep(Input.Objectives, o => o.Id is not null || !string.IsNullOrWhiteSpace(o.Text));
        var activityRows = Keep(Input.Activities, a => a.Id is not null || !string.IsNullOrWhiteSpace(a.Title));
        var indicatorRows = Keep(Input.Indicators, i => i.Id is not null || !string.IsNullOrWhiteSpace(i.Name) || !string.IsNullOrWhiteSpace(i.Target));
        var objectiveNumberOf = objectiveRows.Select((row, kept) => (row.FormIndex, Number: kept + 1)).ToDictionary(x => x.FormIndex + 1, x => x.Number);

        var indicators = new List<IndicatorInput>();
        foreach (var (row, formIndex) in indicatorRows)
        {
            decimal target = 0;
            if (!string.IsNullOrWhiteSpace(row.Target) && !LtFormat.TryParseAmount(row.Target, out target))
                ModelState.AddModelError($"Input.Indicators[{formIndex}].Target", T["Error.NumberInvalid"]);
            indicators.Add(new IndicatorInput(row.Id, row.Name ?? "", row.Unit ?? "", target, row.Metric));
        }
        if (ModelState.ErrorCount == 0)
        {
            var result = await service.RevisePlanAsync(id, new PlanEditInput(Input.Version, Input.Title, Input.Goal, Input.Summary,
                objectiveRows.Select(o => new ObjectiveInput(o.Row.Id, o.Row.Text ?? "")).ToList(),
                activityRows.Select(a => new ActivityInput(a.Row.Id, objectiveNumberOf.GetValueOrDefault(a.Row.ObjectiveNumber), a.Row.Kind, a.Row.Title ?? "", a.Row.Description)).ToList(),
                Input.TargetGroups, Input.Municipalities, indicators, Input.PartnerIds));
            if (result.Outcome is Outcome.Invalid)
            {
                // Errors name rows by their place among kept rows; show them beside the row the user typed.
                var translated = result with
                {
                    Errors = result.Errors.Select(e => e with { Field = ToFormIndex(e.Field, objectiveRows, activityRows, indicatorRows) }).ToList(),
                };
                await FailureAsync(translated);
            }
            else if (await FailureAsync(result) is { } failure)
            {
                return failure;
            }
            else if (result.Ok)
            {
                TempData["Saved"] = T["Projects.PlanSaved"];
                return Redirect($"/projects/details/{id}");
            }
        }
        // The posted form (blank rows included) is shown again as it was typed.
        await PrepareAsync(p.OrganisationId, addBlankRows: false);
        return Page();
    }

    private static List<(T Row, int FormIndex)> Keep<T>(List<T> rows, Func<T, bool> keep) =>
        rows.Select((row, index) => (row, index)).Where(x => keep(x.row)).ToList();

    private static string ToFormIndex<T1, T2, T3>(string field, List<(T1 Row, int FormIndex)> objectives,
        List<(T2 Row, int FormIndex)> activities, List<(T3 Row, int FormIndex)> indicators) =>
        RowField().Replace(field, m =>
        {
            var kept = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            var formIndex = m.Groups[1].Value switch
            {
                "Objectives" when kept < objectives.Count => objectives[kept].FormIndex,
                "Activities" when kept < activities.Count => activities[kept].FormIndex,
                "Indicators" when kept < indicators.Count => indicators[kept].FormIndex,
                _ => kept,
            };
            return $"{m.Groups[1].Value}[{formIndex}]";
        });

    [GeneratedRegex(@"^(Objectives|Activities|Indicators)\[(\d+)\]")]
    private static partial Regex RowField();

    private async Task PrepareAsync(Guid organisationId, bool addBlankRows)
    {
        if (addBlankRows)
        {
            // A plan without rows of a kind starts with one to fill; more come with the add buttons.
            if (Input.Objectives.Count == 0) Input.Objectives.Add(new PlanForm.ObjectiveRow());
            if (Input.Activities.Count == 0) Input.Activities.Add(new PlanForm.ActivityRow());
            if (Input.Indicators.Count == 0) Input.Indicators.Add(new PlanForm.IndicatorRow());
        }
        ObjectiveNumbers = Enumerable.Range(1, Math.Max(1, Input.Objectives.Count))
            .Select(n => new SelectListItem(T["Projects.ObjectiveNo", n], n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        PartnerItems = (await organisations.AllLinksAsync()).Where(o => o.Id != organisationId)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToList();
    }
}
