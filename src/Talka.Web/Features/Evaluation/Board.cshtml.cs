using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Common;
using Talka.Domain.Evaluation;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Evaluation;

/// <summary>
/// The officer's evaluation board of a call: the criteria and settings (until scores come in), each eligible
/// application with its experts and their progress, assignment by hand (only evaluators without a conflict are
/// offered) or spread evenly. Funder admins change; auditors read. The same services as the API.
/// </summary>
public sealed class BoardModel(EvaluationQueries queries, EvaluationService service) : TalkaPage
{
    public BoardView? Board { get; private set; }

    [BindProperty]
    public CriteriaForm Input { get; set; } = new();

    public sealed class CriteriaForm
    {
        public List<CriterionLine> Criteria { get; set; } = [];
        public int Experts { get; set; } = 2;
        public string? Divergence { get; set; } = "30";
        public string? MinimumScore { get; set; }
        public string? TieBreak { get; set; }
        public bool Partial { get; set; }
        public string? Floor { get; set; }
        public string? CouncilNumber { get; set; }
        public DateOnly? CouncilDate { get; set; }
        public int AppealMonths { get; set; } = 1;
        public string? DeclarationText { get; set; }
    }

    public sealed class CriterionLine
    {
        public string? Code { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? MaxPoints { get; set; }
        public string? Weight { get; set; } = "1";
    }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        if (Board!.Evaluation is { } e)
            Input = new CriteriaForm
            {
                Criteria =
                [
                    .. e.Criteria.Select(c => new CriterionLine
                    {
                        Code = c.Code,
                        Title = c.Title,
                        Description = c.Description,
                        MaxPoints = LtFormat.Number(c.MaxPoints),
                        Weight = LtFormat.Number(c.Weight),
                    }),
                ],
                Experts = e.Settings.ExpertsPerApplication,
                Divergence = LtFormat.Number(e.Settings.DivergencePercent),
                MinimumScore = e.Settings.MinimumScore is { } m ? LtFormat.Number(m) : null,
                TieBreak = e.Settings.TieBreakCriterion,
                Partial = e.Settings.PartialFunding,
                Floor = e.Settings.PartialFloor is { } f ? LtFormat.Amount(f) : null,
                CouncilNumber = e.CouncilDecisionNumber,
                CouncilDate = e.CouncilDecisionDate,
                AppealMonths = e.AppealMonths,
                DeclarationText = e.DeclarationText,
            };
        else
            Input.DeclarationText = CallEvaluation.DefaultDeclaration;
        // Room for more criteria.
        while (Input.Criteria.Count < Math.Max(3, (Board.Evaluation?.Criteria.Count ?? 0) + 2))
            Input.Criteria.Add(new CriterionLine());
        return Page();
    }

    public async Task<IActionResult> OnPostCriteriaAsync(Guid id)
    {
        var criteria = new List<Criterion>();
        for (var i = 0; i < Input.Criteria.Count; i++)
        {
            var line = Input.Criteria[i];
            if (string.IsNullOrWhiteSpace(line.Code) && string.IsNullOrWhiteSpace(line.Title))
                continue;
            criteria.Add(
                new Criterion(
                    line.Code ?? "",
                    line.Title ?? "",
                    line.Description,
                    Number(line.MaxPoints, $"Criteria[{i}].MaxPoints") ?? 0,
                    Number(line.Weight, $"Criteria[{i}].Weight") ?? 1
                )
            );
        }
        var settings = new EvaluationSettings(
            Input.Experts,
            Number(Input.Divergence, nameof(Input.Divergence)) ?? 30,
            Number(Input.MinimumScore, nameof(Input.MinimumScore)),
            string.IsNullOrWhiteSpace(Input.TieBreak) ? null : Input.TieBreak,
            Input.Partial,
            Amount(Input.Floor, nameof(Input.Floor))
        );
        if (ModelState.IsValid)
        {
            var result = await service.SetCriteriaAsync(
                id,
                new CriteriaInput(
                    criteria,
                    Input.CouncilNumber,
                    Input.CouncilDate,
                    settings,
                    Input.DeclarationText,
                    Input.AppealMonths
                ),
                HttpContext.RequestAborted
            );
            if (await FailureAsync(Renamed(result, criteria)) is { } failure)
                return failure;
            if (result.Ok)
            {
                TempData["Saved"] = T["Evaluation.CriteriaSaved"];
                return Redirect($"/calls/{id}/evaluation");
            }
        }
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        return Page();
    }

    public async Task<IActionResult> OnPostAssignAsync(Guid id, Guid applicationId, string? evaluatorId) =>
        await AssignedAsync(id, new AssignmentInput(applicationId, evaluatorId));

    public async Task<IActionResult> OnPostSpreadAsync(Guid id) =>
        await AssignedAsync(id, new AssignmentInput(null, null, Spread: true));

    private async Task<IActionResult> AssignedAsync(Guid id, AssignmentInput input)
    {
        var result = await service.AssignAsync(id, input, HttpContext.RequestAborted);
        if (result.Outcome is Outcome.NotFound or Outcome.Forbidden)
            return await FailureAsync(result) ?? NotFound();
        TempData[result.Ok ? "Saved" : "Error"] = result.Ok
            ? T["Evaluation.Assigned", T.Count("Noun.Assignment", result.Value!.Count)]
            : string.Join(" ", result.Errors.Select(e => e.Message));
        return Redirect($"/calls/{id}/evaluation");
    }

    /// <summary>The service's criterion fields are numbered among the criteria given; the form's lines include the
    /// blank ones skipped, so the numbers are mapped back to the lines.</summary>
    private Result<CallEvaluation> Renamed(Result<CallEvaluation> result, List<Criterion> criteria)
    {
        var lines = Input
            .Criteria.Select((line, i) => (line, i))
            .Where(x => !(string.IsNullOrWhiteSpace(x.line.Code) && string.IsNullOrWhiteSpace(x.line.Title)))
            .Select(x => x.i)
            .ToList();
        return result with
        {
            Errors =
            [
                .. result.Errors.Select(e =>
                {
                    for (var n = 0; n < criteria.Count; n++)
                        if (e.Field.StartsWith($"Criteria[{n}]", StringComparison.Ordinal))
                            return e with { Field = $"Criteria[{lines[n]}]" + e.Field[$"Criteria[{n}]".Length..] };
                    return e.Field.StartsWith("Settings.", StringComparison.Ordinal)
                        ? e with
                        {
                            Field = e.Field["Settings.".Length..] switch
                            {
                                "MinimumScore" => "MinimumScore",
                                "TieBreakCriterion" => "TieBreak",
                                "PartialFloor" => "Floor",
                                "DivergencePercent" => "Divergence",
                                "ExpertsPerApplication" => "Experts",
                                var other => other,
                            },
                        }
                        : e.Field switch
                        {
                            "CouncilDecisionNumber" => e with { Field = "CouncilNumber" },
                            "CouncilDecisionDate" => e with { Field = "CouncilDate" },
                            _ => e,
                        };
                }),
            ],
        };
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (!(await ViewerAsync()).CanSeeEvaluation)
            return await DenyAsync();
        Board = await queries.BoardAsync(id, HttpContext.RequestAborted);
        return Board is null ? NotFound() : null;
    }
}
