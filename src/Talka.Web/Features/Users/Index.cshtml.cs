using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Account;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Users;

/// <summary>The funder admins' list of accounts: search, roles, memberships, last sign-in, disable and
/// enable.</summary>
public sealed class IndexModel(UserQueries queries, AccountService accounts) : TalkaPage
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;
    public Page<UserRow>? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Result = await queries.PageAsync(await ViewerAsync(), Search, PageNumber, HttpContext.RequestAborted);
        return Result is null ? await DenyAsync() : Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string id) => SetAsync(id, true);

    public Task<IActionResult> OnPostEnableAsync(string id) => SetAsync(id, false);

    private async Task<IActionResult> SetAsync(string id, bool disabled)
    {
        var result = await accounts.SetDisabledAsync(id, disabled, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
        {
            Result = await queries.PageAsync(await ViewerAsync(), Search, PageNumber, HttpContext.RequestAborted);
            return Page();
        }
        TempData["Saved"] = T[disabled ? "Users.DisabledDone" : "Users.EnabledDone"];
        return Redirect(Request.Path + Request.QueryString);
    }
}
