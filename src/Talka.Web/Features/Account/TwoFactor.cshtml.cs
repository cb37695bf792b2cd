using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Account;

/// <summary>The second step of signing in, after the password: the authenticator's code, or a recovery code.</summary>
[AllowAnonymous]
public sealed class TwoFactorModel(LoginService login, SignInManager<TalkaUser> signIn) : TalkaPage
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/account/login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Code) && string.IsNullOrWhiteSpace(RecoveryCode))
        {
            ModelState.AddModelError("", T["TwoFactor.Missing"]);
            return Page();
        }
        switch (await login.SecondStepAsync(Code, RecoveryCode))
        {
            case LoginOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            case LoginOutcome.TooManyAttempts:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ModelState.AddModelError("", T["Login.TooManyAttempts"]);
                return Page();
            case LoginOutcome.Disabled:
                ModelState.AddModelError("", T["Login.Disabled"]);
                return Page();
            default:
                ModelState.AddModelError("", T["TwoFactor.Wrong"]);
                return Page();
        }
    }
}
