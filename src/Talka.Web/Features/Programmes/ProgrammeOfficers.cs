using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Programmes;

/// <summary>Who runs each programme: read by funder admins and auditors, set by funder admins, and asked by the
/// notifications (who hears of a submitted report).</summary>
public sealed class ProgrammeOfficers(TalkaDbContext db, ViewerAccessor viewers, Writes writes, Texts texts)
{
    /// <summary>Every funder admin (up to 500), each marked if they run the programme; null if the viewer may not
    /// see it.</summary>
    public async Task<IReadOnlyList<OfficerRow>?> ListAsync(Guid programmeId, CancellationToken ct = default)
    {
        if (!(await viewers.GetAsync(ct)).ReadsEverything)
            return null;
        var officers = await db.Set<ProgrammeOfficer>()
            .Where(o => o.ProgrammeId == programmeId)
            .Select(o => o.UserId)
            .ToListAsync(ct);
        var adminIds = FunderAdminIds();
        var admins = await db
            .Users.Where(u => adminIds.Contains(u.Id))
            .OrderBy(u => u.NormalizedEmail)
            .Select(u => new { u.Id, u.Email })
            .Take(500)
            .ToListAsync(ct);
        return [.. admins.Select(a => new OfficerRow(a.Id, a.Email ?? "", officers.Contains(a.Id)))];
    }

    public async Task<Result<bool>> SetAsync(Guid programmeId, OfficersInput input, CancellationToken ct = default)
    {
        if (!(await viewers.GetAsync(ct)).CanManageProgrammes)
            return Result<bool>.Forbidden();
        return await writes.Run(async () =>
        {
            if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, ct))
                return Result<bool>.NotFound();
            var wanted = input.UserIds.Distinct().ToList();
            var admins = await FunderAdminIds().Where(id => wanted.Contains(id)).CountAsync(ct);
            if (admins != wanted.Count)
                return Result<bool>.Invalid(new FieldError("UserIds", texts["Programmes.OfficerNotAdmin"]));
            var current = await db.Set<ProgrammeOfficer>().Where(o => o.ProgrammeId == programmeId).ToListAsync(ct);
            db.RemoveRange(current.Where(o => !wanted.Contains(o.UserId)));
            db.AddRange(
                wanted
                    .Where(id => current.All(o => o.UserId != id))
                    .Select(id => new ProgrammeOfficer { ProgrammeId = programmeId, UserId = id })
            );
            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        });
    }

    /// <summary>Who hears of a project's submitted report: its programme's officers, or every funder admin when the
    /// programme has none.</summary>
    public async Task<IReadOnlyList<string>> ReviewersOfAsync(Guid projectId, CancellationToken ct = default)
    {
        var officers = await (
            from p in db.Projects
            join c in db.Calls on p.CallId equals c.Id
            join o in db.Set<ProgrammeOfficer>() on c.ProgrammeId equals o.ProgrammeId
            where p.Id == projectId
            select o.UserId
        ).ToListAsync(ct);
        if (officers.Count > 0)
            return officers;
        return await FunderAdminIds().ToListAsync(ct);
    }

    /// <summary>The ids of the funder admins, as a query to go on with.</summary>
    private IQueryable<string> FunderAdminIds() =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.FunderAdmin
        select ur.UserId;
}
