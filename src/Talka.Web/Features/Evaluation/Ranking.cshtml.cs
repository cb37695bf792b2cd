using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Evaluation;

/// <summary>
/// The ranking of a call with the budget simulator: the officer changes the budget, the minimum score and the
/// partial-funding rule and sees the funded set, the reserve and the money left change (nothing is saved), then
/// approves it with the decision's number and date as the next numbered version; each approved version prints as a
/// one-page PDF. Funder admins approve; auditors read. The same services as the API.
/// </summary>
public sealed class RankingModel(EvaluationQueries queries, EvaluationService service, RankingPdf pdf) : TalkaPage
{
    public RankingView? Ranking { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Budget { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? MinScore { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? PartialFunding { get; set; }

    [BindProperty]
    public string? DecisionNumber { get; set; }

    [BindProperty]
    public DateOnly? DecisionDate { get; set; }

    [BindProperty]
    public int Expected { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostApproveAsync(Guid id)
    {
        var budget = Parse(Budget, nameof(Budget), money: true);
        var minimum = Parse(MinScore, nameof(MinScore), money: false);
        if (ModelState.IsValid)
        {
            var result = await service.ApproveAsync(
                id,
                new ApproveInput(budget, minimum, PartialFunding ?? false, DecisionNumber, DecisionDate, Expected),
                HttpContext.RequestAborted
            );
            if (await FailureAsync(result, "") is { } failure)
                return failure;
            if (result.Ok)
            {
                TempData["Saved"] = T["Evaluation.Approved", result.Value];
                return Redirect($"/calls/{id}/ranking");
            }
        }
        return await LoadAsync(id) ?? Page();
    }

    /// <summary>An approved version (the one in force by default) as a one-page PDF.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid id, int? number)
    {
        if (!(await ViewerAsync()).CanSeeEvaluation)
            return await DenyAsync();
        if (await queries.DocumentAsync(id, number, HttpContext.RequestAborted) is not { } document)
            return NotFound();
        if (await pdf.RenderAsync(document, HttpContext.RequestAborted) is not { } bytes)
            return StatusCode(StatusCodes.Status503ServiceUnavailable);
        return File(bytes, "application/pdf", $"reitingas-{document.Version}.pdf");
    }

    private decimal? Parse(string? text, string field, bool money)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (LtFormat.TryParseAmount(text, out var value))
            return value;
        ModelState.AddModelError(field, T[money ? "Error.AmountInvalid" : "Error.NumberInvalid"]);
        return null;
    }

    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        if (!(await ViewerAsync()).CanSeeEvaluation)
            return await DenyAsync();
        var budget = Parse(Budget, nameof(Budget), money: true);
        var minimum = Parse(MinScore, nameof(MinScore), money: false);
        try
        {
            Ranking = await queries.RankingAsync(id, budget, minimum, PartialFunding, HttpContext.RequestAborted);
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(error.Field ?? "", T.Error(error));
            Ranking = await queries.RankingAsync(id, null, null, null, HttpContext.RequestAborted);
        }
        if (Ranking is null)
            return NotFound();
        Expected = Ranking.Current;
        return null;
    }
}
