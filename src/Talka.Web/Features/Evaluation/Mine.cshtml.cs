using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Evaluation;

/// <summary>An evaluator's applications to evaluate: what waits for the declaration, what is being scored, what is
/// done.</summary>
public sealed class MineModel(EvaluationQueries queries) : TalkaPage
{
    public IReadOnlyList<AssignmentRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await queries.MineAsync(HttpContext.RequestAborted) is not { } rows)
            return await DenyAsync();
        Rows = rows;
        return Page();
    }
}
