using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Features.Account;
using Talka.Web.Features.Audit;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Users;

/// <summary>
/// What a funder admin does to one account, for the user page and the API alike: read it with its history, set its
/// staff roles, reset its two-factor sign-in; and what an organisation's manager does to a colleague: make them a
/// manager or not. Every change renews the account's security stamp where it changes what the account may do, so
/// that its sessions and tokens end at once; the audit log records each change.
/// </summary>
public sealed class UserAdministration(
    TalkaDbContext db,
    UserManager<TalkaUser> users,
    Writes writes,
    Texts texts,
    ViewerAccessor viewers,
    AuditQueries audit
)
{
    /// <summary>The roles a funder admin gives on the user page; membership goes with an organisation.</summary>
    public static readonly string[] StaffRoles = [Roles.FunderAdmin, Roles.Evaluator, Roles.Auditor];

    public async Task<UserDetails?> DetailsAsync(string id, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.CanManageUsers || string.IsNullOrEmpty(id))
            return null;
        var user = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.Language,
                u.LastSignInAt,
                u.DisabledAt,
                u.TwoFactorEnabled,
            })
            .SingleOrDefaultAsync(ct);
        if (user is null)
            return null;
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == id
            orderby r.Name
            select r.Name
        ).ToListAsync(ct);
        var organisations = await (
            from m in db.OrganisationMemberships
            join o in db.Organisations on m.OrganisationId equals o.Id
            where m.UserId == id
            orderby o.Name
            select new MemberOf(o.Id, o.Name, m.IsManager)
        ).ToListAsync(ct);
        return new UserDetails(
            user.Id,
            user.Email ?? "",
            user.Language,
            roles.Select(r => r ?? "").ToList(),
            organisations,
            user.LastSignInAt,
            user.DisabledAt is not null,
            user.TwoFactorEnabled
        );
    }

    /// <summary>The latest changes to the account, its roles and its memberships.</summary>
    public Task<IReadOnlyList<AuditLine>> HistoryAsync(string id, CancellationToken ct = default) =>
        audit.ForUserAsync(id, ct);

    /// <summary>Sets the account's staff roles to exactly those given. A funder admin cannot take their own funder
    /// role away (someone must remain who can give it back).</summary>
    public async Task<Result<UserDetails>> SetRolesAsync(string id, RolesInput input, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.CanManageUsers)
            return Result<UserDetails>.Forbidden();
        var wanted = input.Roles ?? [];
        var errors = new List<FieldError>();
        for (var i = 0; i < wanted.Count; i++)
            if (!StaffRoles.Contains(wanted[i]))
                errors.Add(new FieldError($"Roles[{i}]", texts["Users.RoleNotStaff", string.Join(", ", StaffRoles)]));
        if (errors.Count > 0)
            return Result<UserDetails>.Invalid([.. errors]);
        if (id == viewer.UserId && !wanted.Contains(Roles.FunderAdmin))
            return Result<UserDetails>.Invalid(new FieldError("Roles", texts["Users.KeepOwnAdmin"]));
        var changed = await writes.Run(async () =>
        {
            if (await users.FindByIdAsync(id) is not { } user)
                return Result<bool>.NotFound();
            var held = await users.GetRolesAsync(user);
            var add = StaffRoles.Where(r => wanted.Contains(r) && !held.Contains(r)).ToList();
            var remove = StaffRoles.Where(r => !wanted.Contains(r) && held.Contains(r)).ToList();
            if (add.Count == 0 && remove.Count == 0)
                return Result<bool>.Success(false);
            var outcome = IdentityResult.Success;
            if (add.Count > 0)
                outcome = await users.AddToRolesAsync(user, add);
            if (outcome.Succeeded && remove.Count > 0)
                outcome = await users.RemoveFromRolesAsync(user, remove);
            // A new security stamp: the account's sessions and tokens end, and its next sign-in carries the new roles.
            if (outcome.Succeeded)
                outcome = await users.UpdateSecurityStampAsync(user);
            return outcome.Succeeded ? Result<bool>.Success(true) : Result<bool>.Conflict(texts["Error.Concurrency"]);
        });
        if (!changed.Ok)
            return new Result<UserDetails>(changed.Outcome, null, changed.Errors);
        return Result<UserDetails>.Success((await DetailsAsync(id, ct))!);
    }

    /// <summary>Turns the account's two-factor sign-in off and forgets its key and recovery codes (a lost phone):
    /// the person signs in with the password and, where it is required, sets it up again.</summary>
    public async Task<Result<bool>> ResetTwoFactorAsync(string id, CancellationToken ct = default)
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.CanManageUsers)
            return Result<bool>.Forbidden();
        return await writes.Run(async () =>
        {
            if (await users.FindByIdAsync(id) is not { } user)
                return Result<bool>.NotFound();
            var outcome = await TwoFactorOff(users, user);
            return outcome.Succeeded ? Result<bool>.Success(true) : Result<bool>.Conflict(texts["Error.Concurrency"]);
        });
    }

    /// <summary>Two-factor off, its key renewed (which renews the security stamp) and its recovery codes gone;
    /// nothing changes for an account that has it off.</summary>
    public static async Task<IdentityResult> TwoFactorOff(UserManager<TalkaUser> users, TalkaUser user)
    {
        if (!user.TwoFactorEnabled)
            return IdentityResult.Success;
        var outcome = await users.SetTwoFactorEnabledAsync(user, false);
        if (outcome.Succeeded)
            outcome = await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes");
        if (outcome.Succeeded)
            outcome = await users.ResetAuthenticatorKeyAsync(user);
        return outcome;
    }

    /// <summary>Makes a member the organisation's manager or not: its manager or a funder admin, never about
    /// themselves (a manager cannot lock the organisation out of managing itself by accident).</summary>
    public async Task<Result<bool>> SetManagerAsync(
        Guid organisationId,
        string userId,
        MemberInput input,
        CancellationToken ct = default
    )
    {
        var viewer = await viewers.GetAsync(ct);
        if (!viewer.MayManageMembers(organisationId))
            return viewer.CanSeeOrganisation(organisationId) ? Result<bool>.Forbidden() : Result<bool>.NotFound();
        if (userId == viewer.UserId)
            return Result<bool>.Invalid(new FieldError("", texts["Account.NotYourself"]));
        return await writes.Run(async () =>
        {
            var membership = await db.OrganisationMemberships.SingleOrDefaultAsync(
                m => m.OrganisationId == organisationId && m.UserId == userId,
                ct
            );
            if (membership is null)
                return Result<bool>.NotFound();
            membership.IsManager = input.Manager;
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(input.Manager);
        });
    }
}
