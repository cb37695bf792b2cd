using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Account;

/// <summary>The page an invitation's link opens: the person sets a password and is signed in.</summary>
[AllowAnonymous]
public sealed class InvitationModel(
    AccountService accounts,
    SignInManager<TalkaUser> signIn,
    UserManager<TalkaUser> users
) : TalkaPage
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }
    public InvitationSummary? Summary { get; private set; }

    public async Task OnGetAsync() => Summary = await accounts.FindInvitationAsync(Token, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await accounts.AcceptAsync(new AcceptInvitationInput(Token, Password), HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
        {
            Summary = await accounts.FindInvitationAsync(Token, HttpContext.RequestAborted);
            return Page();
        }
        await signIn.SignInAsync((await users.FindByIdAsync(result.Value!.UserId))!, isPersistent: false);
        TempData["Saved"] = T["Account.Invitation.Done"];
        return Redirect("/");
    }
}
