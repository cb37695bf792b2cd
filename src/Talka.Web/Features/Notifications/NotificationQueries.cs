using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Features.Notifications;

/// <summary>A person's own notifications: the unread count for the bell, a page of the list, marking them read, and
/// which kinds they do not want by e-mail.</summary>
public sealed class NotificationQueries(TalkaDbContext db, Texts texts, TimeProvider clock,
    Infrastructure.Identity.SessionStamp session)
{
    public const int PageSize = 50;

    /// <summary>The user's unread notifications: as the request's stamp check counted them, if it was theirs.</summary>
    public Task<int> UnreadAsync(string userId, CancellationToken ct = default) =>
        session.State is { } state && state.UserId == userId
            ? Task.FromResult(state.UnreadNotifications)
            : db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public async Task<Page<NotificationRow>> PageAsync(string userId, int page, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        var query = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderByDescending(n => n.CreatedAt)
            .ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(ct);
        return new Page<NotificationRow>([.. items.Select(Row)], page, PageSize, total);
    }

    public Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<Notification>()
            .Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<IReadOnlySet<string>> MutedAsync(string userId, CancellationToken ct = default) =>
        (
            await db.Set<NotificationMute>().Where(m => m.UserId == userId).Select(m => m.Kind).ToListAsync(ct)
        ).ToHashSet();

    /// <summary>Sets which kinds come by e-mail (all others are muted); unknown kinds are ignored.</summary>
    public async Task SetEmailedAsync(
        string userId,
        IReadOnlyCollection<string> emailed,
        CancellationToken ct = default
    )
    {
        await db.Set<NotificationMute>().Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
        db.AddRange(
            NotificationKinds
                .All.Where(k => !emailed.Contains(k))
                .Select(k => new NotificationMute { UserId = userId, Kind = k })
        );
        await db.SaveChangesAsync(ct);
    }

    private NotificationRow Row(Notification n)
    {
        var args = JsonSerializer.Deserialize<string[]>(n.Args) ?? [];
        return new NotificationRow(
            n.Id,
            n.Kind,
            texts["Notification." + n.Kind, [.. args]],
            n.Link,
            n.CreatedAt,
            n.ReadAt is not null
        );
    }
}
