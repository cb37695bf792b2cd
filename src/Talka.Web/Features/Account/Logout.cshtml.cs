using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Talka.Web.Infrastructure.Identity;

namespace Talka.Web.Features.Account;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<TalkaUser> signIn, UserManager<TalkaUser> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    /// <summary>
    /// Signs out everywhere: a new security stamp makes every cookie and bearer token issued before it invalid, so one
    /// copied before the logout does not keep working after it.
    /// </summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
