using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Talka.Web.Features;

[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class StatusModel(IConfiguration configuration) : PageModel
{
    /// <summary>The request size limit a 413 page names.</summary>
    public int LimitMegabytes => Infrastructure.Web.RequestLimits.Megabytes(configuration);
    public int Code { get; private set; }
    // The code is read from the route, not bound: binding would read the form of a re-executed POST, which may be the
    // very body that was too large.
    public void OnGet() => Code = int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : 0;
    public void OnPost() => OnGet();
}
