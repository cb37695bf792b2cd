using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Audit;

/// <summary>What the audit log is narrowed to. Dates are Lithuanian calendar days; Record matches the record itself,
/// the records that belong to it, and (for a project) everything filed under it.</summary>
public sealed record AuditFilter(
    string? User = null,
    string? Type = null,
    DateOnly? From = null,
    DateOnly? To = null,
    Guid? Project = null,
    Guid? Record = null
);

/// <summary>A page of the log, newest first, and where the next (older) page starts.</summary>
public sealed record AuditPage(IReadOnlyList<AuditLine> Lines, long? Older);

/// <summary>The audit trail: a record's recent changes, and the whole log for funder admins and auditors, filtered and
/// paged on the server by entry id (newest first), so that paging stays fast however long the log grows.</summary>
public sealed class AuditQueries(TalkaDbContext db, AuditPresenter presenter)
{
    public const int PageSize = 50;

    /// <summary>The latest changes of a record and the records that belong to it.</summary>
    public async Task<IReadOnlyList<AuditLine>> ForAsync(params Guid[] ids)
    {
        var keys = ids.Select(i => i.ToString()).ToList();
        var guids = ids.Cast<Guid?>().ToList();
        var entries = await db
            .AuditEntries.AsNoTracking()
            .Where(a => keys.Contains(a.RootId) || keys.Contains(a.EntityId) || guids.Contains(a.ProjectId))
            .OrderByDescending(a => a.Id)
            .Take(20)
            .ToListAsync();
        return await presenter.PresentAsync(entries);
    }

    /// <summary>The latest changes to an account: the account itself, its roles and its memberships (whose keys
    /// begin with the account's id).</summary>
    public async Task<IReadOnlyList<AuditLine>> ForUserAsync(string userId, CancellationToken ct = default)
    {
        var prefix = userId + "/";
        var entries = await db
            .AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == userId || a.EntityId.StartsWith(prefix))
            .OrderByDescending(a => a.Id)
            .Take(20)
            .ToListAsync(ct);
        return await presenter.PresentAsync(entries, ct);
    }

    public async Task<AuditPage> PageAsync(
        AuditFilter filter,
        long? before,
        CancellationToken ct = default,
        int size = PageSize
    )
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.User))
            query = query.Where(a => a.UserName.Contains(filter.User.Trim()));
        if (!string.IsNullOrWhiteSpace(filter.Type))
            query = query.Where(a => a.EntityType == filter.Type);
        if (filter.From is { } from)
        {
            var start = UtcStartOf(from);
            query = query.Where(a => a.At >= start);
        }
        if (filter.To is { } to)
        {
            var end = UtcStartOf(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }
        if (filter.Project is { } project)
            query = query.Where(a => a.ProjectId == project);
        if (filter.Record is { } record)
        {
            var key = record.ToString();
            query = query.Where(a => a.RootId == key || a.EntityId == key || a.ProjectId == record);
        }
        if (before is { } id)
            query = query.Where(a => a.Id < id);
        var entries = await query.OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(ct);
        var lines = await presenter.PresentAsync(entries.Take(size).ToList(), ct);
        return new AuditPage(lines, entries.Count > size ? entries[size - 1].Id : null);
    }

    /// <summary>The record types the log holds, for the filter.</summary>
    public async Task<IReadOnlyList<string>> TypesAsync(CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);

    /// <summary>Midnight in Vilnius of the day, in UTC.</summary>
    private static DateTime UtcStartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), LtFormat.Vilnius);
}
