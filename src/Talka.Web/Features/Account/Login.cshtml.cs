using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(LoginService login) : TalkaPage
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError(nameof(Email), T["Error.Required"]);
        if (string.IsNullOrWhiteSpace(Password)) ModelState.AddModelError(nameof(Password), T["Error.Required"]);
        if (!ModelState.IsValid) return Page();
        switch (await login.SignInAsync(Email!, Password!, IdentityConstants.ApplicationScheme))
        {
            case LoginOutcome.TooManyAttempts:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError("", T["Login.TooManyAttempts"]);
                return Page();
            case LoginOutcome.Failed:
                ModelState.AddModelError("", T["Login.Failed"]);
                return Page();
            case LoginOutcome.Disabled:
                ModelState.AddModelError("", T["Login.Disabled"]);
                return Page();
            case LoginOutcome.RequiresTwoFactor:
                return Redirect("/account/two-factor" + (Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl!) : ""));
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
