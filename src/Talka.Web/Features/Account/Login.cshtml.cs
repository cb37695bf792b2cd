using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Account;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<TalkaUser> signIn, UserManager<TalkaUser> users) : TalkaPage
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
        var user = await users.FindByEmailAsync(Email!.Trim());
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", T["Login.LockedOut"]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", T["Login.Failed"]);
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
