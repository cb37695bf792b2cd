using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talka.Domain.Narrative;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Narrative;

/// <summary>Anyone pastes a Lithuanian text (a news post, a report's narrative) and sees the figures it states marked
/// in it, each with its kind and value. The same reading as POST /api/v1/narrative/facts.</summary>
[AllowAnonymous]
public sealed class CheckModel : TalkaPage
{
    [BindProperty]
    public string? Text { get; set; }

    public NarrativeResult? Result { get; private set; }

    public void OnGet() { }

    public IActionResult OnPost()
    {
        if ((Text?.Length ?? 0) > NarrativeApi.MaxLength)
            ModelState.AddModelError(nameof(Text), T["Error.TextTooLong", NarrativeApi.MaxLength]);
        else
            Result = new NarrativeResult(Text ?? "", NarrativeExtractor.Extract(Text), null);
        return Page();
    }
}
