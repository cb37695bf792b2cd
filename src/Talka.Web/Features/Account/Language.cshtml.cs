using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Talka.Web.Features.Account;

/// <summary>The language switch: remembers the choice in a cookie and goes back to the page. It takes no antiforgery
/// token: another site making a visitor switch language does no harm, and a token would make every public page set a
/// cookie, which keeps it out of the output cache.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var chosen = culture == "en" ? "en" : "lt-LT";
        // A signed-in person's choice is also the language of the e-mails Talka sends them.
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var db = HttpContext.RequestServices.GetRequiredService<Talka.Web.Infrastructure.Data.TalkaDbContext>();
            var language = culture == "en" ? "en" : "lt";
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language));
        }
        Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
