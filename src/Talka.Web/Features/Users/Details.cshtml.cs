using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Account;
using Talka.Web.Features.Audit;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Users;

/// <summary>One account, for funder admins: its staff roles (editable), its organisations (manager or not, removal),
/// its two-factor sign-in (reset), disabling, last sign-in and the history of its changes.</summary>
public sealed class DetailsModel(UserAdministration administration, AccountService accounts) : TalkaPage
{
    public UserDetails? Account { get; private set; }
    public IReadOnlyList<AuditLine> History { get; private set; } = [];
    public bool Self { get; private set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!(await ViewerAsync()).CanManageUsers)
            return await DenyAsync();
        return await ShowAsync(id, fromForm: false);
    }

    public async Task<IActionResult> OnPostRolesAsync(string id)
    {
        var result = await administration.SetRolesAsync(id, new RolesInput([.. Roles]), HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        return result.Ok ? Saved(id, "Users.RolesSaved") : await ShowAsync(id, fromForm: true);
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id)
    {
        var result = await administration.ResetTwoFactorAsync(id, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        return Saved(id, "Users.TwoFactorReset");
    }

    public async Task<IActionResult> OnPostManagerAsync(string id, Guid organisationId, bool manager)
    {
        var result = await administration.SetManagerAsync(
            organisationId,
            id,
            new MemberInput(manager),
            HttpContext.RequestAborted
        );
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        return result.Ok ? Saved(id, "Users.MemberSaved") : await ShowAsync(id, fromForm: false);
    }

    public async Task<IActionResult> OnPostRemoveAsync(string id, Guid organisationId)
    {
        var result = await accounts.RemoveMemberAsync(organisationId, id, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        return result.Ok ? Saved(id, "Organisations.Removed") : await ShowAsync(id, fromForm: false);
    }

    public Task<IActionResult> OnPostDisableAsync(string id) => SetDisabledAsync(id, true);

    public Task<IActionResult> OnPostEnableAsync(string id) => SetDisabledAsync(id, false);

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled)
    {
        var result = await accounts.SetDisabledAsync(id, disabled, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        return result.Ok
            ? Saved(id, disabled ? "Users.DisabledDone" : "Users.EnabledDone")
            : await ShowAsync(id, fromForm: false);
    }

    private IActionResult Saved(string id, string text)
    {
        TempData["Saved"] = T[text];
        return Redirect("/users/" + Uri.EscapeDataString(id));
    }

    private async Task<IActionResult> ShowAsync(string id, bool fromForm)
    {
        Account = await administration.DetailsAsync(id, HttpContext.RequestAborted);
        if (Account is null)
            return NotFound();
        if (!fromForm)
            Roles = [.. Account.Roles];
        History = await administration.HistoryAsync(id, HttpContext.RequestAborted);
        Self = (await ViewerAsync()).UserId == id;
        return Page();
    }
}
