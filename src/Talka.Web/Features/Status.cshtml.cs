using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Talka.Web.Features;

[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }
    public void OnGet(int code) => Code = code;
    public void OnPost(int code) => Code = code;
}
