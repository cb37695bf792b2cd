using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Common;
using Talka.Domain.Evaluation;
using Talka.Web.Features.Applications;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Evaluation;

/// <summary>
/// An expert's assignment: first the impartiality and confidentiality declaration (with the applicant and its partners,
/// nothing else of the application); then the application beside the criteria, points and a justification for each,
/// saved as the expert types and submitted once; funder admins and auditors read it, and funder admins reopen submitted
/// scores with a reason. The same services as the assignment endpoints of the API.
/// </summary>
public sealed class AssignmentModel(
    EvaluationQueries queries,
    EvaluationService service,
    ApplicationQueries applications
) : TalkaPage
{
    public AssignmentView? View { get; private set; }
    public ApplicationView? Application { get; private set; }

    [BindProperty]
    public List<ScoreLine> Scores { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public sealed class ScoreLine
    {
        public string Code { get; set; } = "";
        public string? Points { get; set; }
        public string? Justification { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        Scores =
        [
            .. View!.Criteria.Select(c =>
            {
                var score = View.Scores.FirstOrDefault(s => s.Code == c.Code);
                return new ScoreLine
                {
                    Code = c.Code,
                    Points = score?.Points is { } p ? LtFormat.Number(p) : null,
                    Justification = score?.Justification,
                };
            }),
        ];
        Version = View.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, bool conflict, string? note)
    {
        var result = await service.DeclareAsync(id, new DeclarationInput(conflict, note), HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return await PageAgainAsync(id);
        return Redirect($"/assignments/{id}");
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id)
    {
        var result = await SaveAsync(id);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok || !ModelState.IsValid)
            return await PageAgainAsync(id);
        TempData["Saved"] = T["Evaluation.Saved"];
        return Redirect($"/assignments/{id}");
    }

    /// <summary>The draft saved as the expert types: the new version and the computed total, or the errors.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(Guid id)
    {
        var result = await SaveAsync(id);
        if (AutosaveRefusal(result) is { } refusal)
            return refusal;
        var view = await queries.AssignmentAsync(id, HttpContext.RequestAborted);
        return new JsonResult(
            new
            {
                version = result.Value,
                total = view is null
                    ? ""
                    : T["Evaluation.TotalOf", LtFormat.Number(view.ScoreTotal), LtFormat.Number(view.MaximumTotal)],
                saved = T["Applications.AutoSaved", LtFormat.VilniusTime(DateTime.UtcNow).ToString("HH:mm")],
            }
        );
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id)
    {
        var saved = await SaveAsync(id);
        if (await FailureAsync(saved, "") is { } failure)
            return failure;
        if (!saved.Ok || !ModelState.IsValid)
            return await PageAgainAsync(id);
        var result = await service.SubmitAsync(id, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } refused)
            return refused;
        if (!result.Ok)
        {
            // The scores were saved before the submission was refused: the form goes on from the saved version.
            Version = saved.Value;
            return await PageAgainAsync(id);
        }
        TempData["Saved"] = T["Evaluation.Submitted", LtFormat.Number(result.Value)];
        return Redirect($"/assignments/{id}");
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, string? reason)
    {
        var result = await service.ReopenAsync(id, new ReopenInput(reason), HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return await PageAgainAsync(id);
        return Redirect($"/assignments/{id}");
    }

    /// <summary>The messages about a criterion's field, by its place or by its code.</summary>
    public IEnumerable<string> ErrorsFor(int index, string code, string field) =>
        new[] { $"Scores[{index}].{field}", $"Scores[{code}].{field}" }
            .SelectMany(k => ModelState.TryGetValue(k, out var entry) ? entry.Errors : [])
            .Select(e => e.ErrorMessage);

    private async Task<Result<int>> SaveAsync(Guid id)
    {
        var scores = new List<CriterionScore>();
        for (var i = 0; i < Scores.Count; i++)
        {
            decimal? points = null;
            if (!string.IsNullOrWhiteSpace(Scores[i].Points))
            {
                if (LtFormat.TryParseAmount(Scores[i].Points!, out var value))
                    points = value;
                else
                    ModelState.AddModelError($"Scores[{i}].Points", T["Error.NumberInvalid"]);
            }
            scores.Add(new CriterionScore(Scores[i].Code, points, Scores[i].Justification));
        }
        if (!ModelState.IsValid)
            return Result<int>.Invalid();
        return await service.SaveScoresAsync(id, new ScoresInput(scores, Version), HttpContext.RequestAborted);
    }

    private async Task<IActionResult> PageAgainAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        View = await queries.AssignmentAsync(id, HttpContext.RequestAborted);
        if (View is null)
            return (await ViewerAsync()).ReadsEverything ? NotFound() : await DenyAsync();
        if (View.State is AssignmentState.Declared or AssignmentState.Submitted)
            Application = await applications.GetAsync(View.ApplicationId, HttpContext.RequestAborted);
        return null;
    }
}
