using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Web;

/// <summary>What every page shares: the words, the viewer, and how a service's result reaches the form.</summary>
public abstract class TalkaPage : PageModel
{
    protected Texts T => HttpContext.RequestServices.GetRequiredService<Texts>();

    protected Task<Viewer> ViewerAsync() =>
        HttpContext.RequestServices.GetRequiredService<ViewerAccessor>().GetAsync(HttpContext.RequestAborted);

    /// <summary>403 with a page for a signed-in user; the login page for a visitor.</summary>
    protected async Task<IActionResult> DenyAsync() =>
        (await ViewerAsync()).IsAuthenticated ? StatusCode(StatusCodes.Status403Forbidden) : Challenge();

    /// <summary>Null when the result is a success; otherwise the response to give (the form again, with its errors
    /// beside the fields).</summary>
    protected async Task<IActionResult?> FailureAsync<TValue>(Result<TValue> result, string prefix = "Input")
    {
        switch (result.Outcome)
        {
            case Outcome.Ok:
                return null;
            case Outcome.NotFound:
                // A record the user may not see answers like one that does not exist: the login page or 403.
                return (await ViewerAsync()).ReadsEverything ? NotFound() : await DenyAsync();
            case Outcome.Forbidden:
                return await DenyAsync();
            default:
                foreach (var error in result.Errors)
                    ModelState.AddModelError(
                        error.Field.Length == 0 || prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}",
                        error.Message
                    );
                return null;
        }
    }

    /// <summary>What an autosave answers when the save did not happen: 404 for a record one may not change, else the
    /// errors as JSON (409 for a stale version, 400 otherwise); null when it did.</summary>
    protected IActionResult? AutosaveRefusal<TValue>(Result<TValue> result)
    {
        if (result.Outcome is Outcome.NotFound or Outcome.Forbidden)
            return NotFound();
        if (result.Ok && ModelState.IsValid)
            return null;
        var errors = result
            .Errors.Select(e => new { field = e.Field, message = e.Message })
            .Concat(
                ModelState
                    .Where(m => m.Value?.Errors.Count > 0)
                    .Select(m => new { field = m.Key, message = m.Value!.Errors[0].ErrorMessage })
            )
            .ToList();
        return new JsonResult(new { errors })
        {
            StatusCode =
                result.Outcome == Outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
        };
    }

    /// <summary>A money amount typed the Lithuanian way; a message about money beside the field if it is not
    /// one.</summary>
    protected decimal? Amount(string? text, string field) => Parse(text, field, "Error.AmountInvalid");

    /// <summary>A number that is not money (hours, a target): a message about numbers beside the field if it is not
    /// one.</summary>
    protected decimal? Number(string? text, string field) => Parse(text, field, "Error.NumberInvalid");

    private decimal? Parse(string? text, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (LtFormat.TryParseAmount(text, out var value))
            return value;
        ModelState.AddModelError($"Input.{field}", T[message]);
        return null;
    }
}
