using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Email;

namespace Talka.Web.Features.Notifications;

/// <summary>
/// Tells people something: a notification in Talka for each, and an e-mail in each one's language unless they turned
/// the kind off. Added to the caller's unit of work (saved with its SaveChanges). With a key, a person who already has
/// a notification of that key is skipped, so a reminder is sent once however often it is asked for.
/// </summary>
public sealed class Notifier(TalkaDbContext db, Mailer mailer, TimeProvider clock)
{
    public async Task<int> NotifyAsync(
        IReadOnlyCollection<string> userIds,
        string kind,
        string link,
        IReadOnlyList<string> args,
        string? key = null,
        CancellationToken ct = default
    )
    {
        if (userIds.Count == 0)
            return 0;
        var ids = userIds.Distinct().ToList();
        var people = await db
            .Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.DisabledAt == null)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.Language,
            })
            .ToListAsync(ct);
        var told = key is null
            ? []
            : await db.Set<Notification>()
                .Where(n => ids.Contains(n.UserId) && n.Key == key)
                .Select(n => n.UserId)
                .ToListAsync(ct);
        var muted = await db.Set<NotificationMute>()
            .Where(m => ids.Contains(m.UserId) && m.Kind == kind)
            .Select(m => m.UserId)
            .ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var json = JsonSerializer.Serialize(args);
        var sent = 0;
        foreach (var person in people.Where(p => !told.Contains(p.Id)))
        {
            db.Add(
                new Notification
                {
                    UserId = person.Id,
                    Kind = kind,
                    Args = json,
                    Link = link,
                    Key = key,
                    CreatedAt = now,
                }
            );
            if (person.Email is not null && !muted.Contains(person.Id))
                mailer.Queue(person.Email, person.Language, kind, link, [.. args]);
            sent++;
        }
        return sent;
    }

    /// <summary>The organisation's members (the people a project's notifications go to).</summary>
    public async Task<IReadOnlyList<string>> MembersOfAsync(Guid organisationId, CancellationToken ct = default) =>
        await db
            .OrganisationMemberships.Where(m => m.OrganisationId == organisationId)
            .Select(m => m.UserId)
            .ToListAsync(ct);
}
