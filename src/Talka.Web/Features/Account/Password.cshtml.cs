using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Account;

/// <summary>Change of one's own password: other sessions end, this one goes on.</summary>
public sealed class PasswordModel(AccountService accounts, SignInManager<TalkaUser> signIn) : TalkaPage
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync() => Email = (await ViewerAsync()).Email;

    public async Task<IActionResult> OnPostAsync()
    {
        Email = (await ViewerAsync()).Email;
        var result = await accounts.ChangePasswordAsync(
            new ChangePasswordInput(CurrentPassword, NewPassword),
            HttpContext.RequestAborted
        );
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return Page();
        await signIn.SignInAsync(result.Value!, isPersistent: false);
        TempData["Saved"] = T["Account.Change.Done"];
        return Redirect("/account/password");
    }
}
