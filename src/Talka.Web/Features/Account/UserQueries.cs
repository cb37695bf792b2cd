using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Account;

/// <summary>Reads of accounts: a page of users at a time for funder admins, an organisation's members for those who
/// see the organisation.</summary>
public sealed class UserQueries(TalkaDbContext db)
{
    public const int PageSize = 50;

    public async Task<Page<UserRow>?> PageAsync(Viewer viewer, string? search, int page, CancellationToken ct = default)
    {
        if (!viewer.CanManageUsers)
            return null;
        page = Math.Max(1, page);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            var organisations = db
                .Organisations.Where(o => o.SearchName.Contains(SearchText.Normalize(search)))
                .Select(o => o.Id);
            query = query.Where(u =>
                u.NormalizedEmail!.Contains(term)
                || db.OrganisationMemberships.Any(m => m.UserId == u.Id && organisations.Contains(m.OrganisationId))
            );
        }
        var total = await query.CountAsync(ct);
        var users = await query
            .OrderBy(u => u.NormalizedEmail)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.LastSignInAt,
                u.DisabledAt,
            })
            .ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = (
            await (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ids.Contains(ur.UserId)
                select new { ur.UserId, r.Name }
            ).ToListAsync(ct)
        ).ToLookup(r => r.UserId, r => r.Name ?? "");
        var memberships = (
            await (
                from m in db.OrganisationMemberships
                join o in db.Organisations on m.OrganisationId equals o.Id
                where ids.Contains(m.UserId)
                select new
                {
                    m.UserId,
                    o.Id,
                    o.Name,
                    m.IsManager,
                }
            ).ToListAsync(ct)
        ).ToLookup(m => m.UserId, m => new MemberOf(m.Id, m.Name, m.IsManager));
        var rows = users
            .Select(u => new UserRow(
                u.Id,
                u.Email ?? "",
                [.. roles[u.Id].Order()],
                [.. memberships[u.Id].OrderBy(m => m.Name, LithuanianCollation.Comparer)],
                u.LastSignInAt,
                u.DisabledAt is not null
            ))
            .ToList();
        return new Page<UserRow>(rows, page, PageSize, total);
    }

    /// <summary>The organisation's members, for those who may see the organisation.</summary>
    public async Task<IReadOnlyList<MemberRow>> MembersAsync(
        Viewer viewer,
        Guid organisationId,
        CancellationToken ct = default
    )
    {
        if (!viewer.CanSeeOrganisation(organisationId))
            return [];
        return await (
            from m in db.OrganisationMemberships
            join u in db.Users on m.UserId equals u.Id
            where m.OrganisationId == organisationId
            orderby u.NormalizedEmail
            select new MemberRow(u.Id, u.Email ?? "", m.IsManager)
        )
            .Take(500)
            .ToListAsync(ct);
    }
}
