using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Audit;

public sealed record AuditRow(DateTimeOffset At, string UserName, string EntityType, string Action, string Changes);

/// <summary>The audit trail of a record and the records that belong to it.</summary>
public sealed class AuditQueries(TalkaDbContext db)
{
    public async Task<IReadOnlyList<AuditRow>> ForAsync(params Guid[] ids)
    {
        var keys = ids.Select(i => i.ToString()).ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => keys.Contains(a.RootId) || keys.Contains(a.EntityId))
            .OrderByDescending(a => a.Id).Take(200)
            .Select(a => new AuditRow(a.At, a.UserName, a.EntityType, a.Action, a.Changes))
            .ToListAsync();
        return rows;
    }
}
