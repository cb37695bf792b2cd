using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Account;

/// <summary>"Pamiršote slaptažodį?": the same answer for every address, with or without an account.</summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(AccountService accounts) : TalkaPage
{
    [BindProperty]
    public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!AccountService.IsEmail(Email?.Trim() ?? ""))
        {
            ModelState.AddModelError(nameof(Email), T["Account.EmailInvalid"]);
            return Page();
        }
        await accounts.ForgotPasswordAsync(new ForgotPasswordInput(Email), HttpContext.RequestAborted);
        Sent = true;
        return Page();
    }
}
