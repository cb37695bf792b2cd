using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Narrative;
using Talka.Web.Features.Delivery;

namespace Talka.Web.Features.Narrative;

/// <summary>A member or an officer pastes a text about the project (its news post, a report's narrative) and sees
/// each figure it states marked with its verdict against the project's records: agrees, differs (both values), no
/// matching record, not comparable. The same check as POST /api/v1/projects/{id}/narrative-check.</summary>
public sealed class ProjectCheckModel(NarrativeChecks checks) : DeliveryPage
{
    [BindProperty]
    public string? Text { get; set; }

    public NarrativeResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid projectId) => await EnterAsync(projectId) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid projectId)
    {
        if (await EnterAsync(projectId) is { } refusal)
            return refusal;
        if ((Text?.Length ?? 0) > NarrativeApi.MaxLength)
        {
            ModelState.AddModelError(nameof(Text), T["Error.TextTooLong", NarrativeApi.MaxLength]);
            return Page();
        }
        var found = await checks.CheckAsync(Project, Text, HttpContext.RequestAborted);
        Result = new NarrativeResult(
            Text ?? "",
            [.. found.Select(c => c.Fact)],
            found,
            ProjectId,
            Project.Project.ApplicationId
        );
        return Page();
    }
}
