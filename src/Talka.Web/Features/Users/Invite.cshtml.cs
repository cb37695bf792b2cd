using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Features.Account;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Users;

/// <summary>Invites a person. With ?organisation=… (the link on an organisation's page) as a member of that
/// organisation — a funder admin or the organisation's manager; without it, to a funder role — funder admins
/// only.</summary>
public sealed class InviteModel(AccountService accounts, TalkaDbContext db) : TalkaPage
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public bool Manager { get; set; }

    [BindProperty]
    public string Language { get; set; } = Talka.Web.Infrastructure.Localization.Texts.CurrentLanguage;

    [BindProperty(SupportsGet = true)]
    public Guid? Organisation { get; set; }
    public string? OrganisationName { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await AllowedAsync() ? Page() : await DenyAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await AllowedAsync())
            return await DenyAsync();
        var role = Organisation is null ? Role : Roles.OrganisationMember;
        var result = await accounts.InviteAsync(
            new InvitationInput(Email, role, Organisation, Manager, Language),
            HttpContext.RequestAborted
        );
        if (await FailureAsync(result, "") is { } failure)
            return failure;
        if (!result.Ok)
            return Page();
        TempData["Saved"] = T["Users.Sent", result.Value!.Email];
        return Organisation is { } id ? Redirect($"/organisations/details/{id}") : Redirect("/users");
    }

    private async Task<bool> AllowedAsync()
    {
        var viewer = await ViewerAsync();
        if (Organisation is { } id)
        {
            if (!viewer.MayInvite(Roles.OrganisationMember, id))
                return false;
            OrganisationName = await db.Organisations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync();
            return OrganisationName is not null;
        }
        return viewer.IsFunderAdmin;
    }
}
