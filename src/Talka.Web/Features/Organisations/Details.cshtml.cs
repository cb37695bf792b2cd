using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Account;
using Talka.Web.Features.Audit;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Organisations;

public sealed class DetailsModel(OrganisationQueries queries, AuditQueries audit, UserQueries users, AccountService accounts)
    : TalkaPage
{
    public OrganisationView? Organisation { get; private set; }
    public IReadOnlyList<MemberRow> People { get; private set; } = [];
    public bool MayManageMembers { get; private set; }
    public string? ViewerId { get; private set; }
    public IReadOnlyList<AuditLine>? Audit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var viewer = await ViewerAsync();
        if (!viewer.IsAuthenticated) return Challenge();
        Organisation = await queries.GetAsync(viewer, id);
        if (Organisation is null) return viewer.ReadsEverything ? NotFound() : await DenyAsync();
        People = await users.MembersAsync(viewer, id);
        MayManageMembers = viewer.MayManageMembers(id);
        ViewerId = viewer.UserId;
        if (viewer.CanSeeAuditTrail) Audit = await audit.ForAsync(id);
        ViewData["AuditRecord"] = id;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string userId)
    {
        var result = await accounts.RemoveMemberAsync(id, userId, HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure) return failure;
        TempData["Saved"] = T["Organisations.Removed"];
        return Redirect($"/organisations/details/{id}");
    }
}
