using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Account;

/// <summary>The page a reset link opens: a new password, once.</summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(AccountService accounts) : TalkaPage
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await accounts.ResetPasswordAsync(
            new ResetPasswordInput(Email, Token, Password),
            HttpContext.RequestAborted
        );
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return Page();
        TempData["Saved"] = T["Account.Reset.Done"];
        return Redirect("/account/login");
    }
}
