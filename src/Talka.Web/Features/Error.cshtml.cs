using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features;

[AllowAnonymous, IgnoreAntiforgeryToken, ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IConfiguration configuration) : PageModel
{
    public string? RequestId { get; private set; }
    /// <summary>Set when the request was refused for its size (an upload above the limit): the page names the
    /// limit.</summary>
    public int? TooLargeMegabytes { get; private set; }

    public void OnGet()
    {
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var error = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        if (RequestLimits.IsTooLarge(error))
        {
            TooLargeMegabytes = RequestLimits.Megabytes(configuration);
            HttpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
    }

    public void OnPost() => OnGet();
}
