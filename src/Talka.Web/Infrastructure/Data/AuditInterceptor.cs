using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Talka.Domain.Common;

namespace Talka.Web.Infrastructure.Data;

/// <summary>
/// Fills the audit log and advances concurrency versions on every save, so no service can forget either.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock, AuditSettings settings) : SaveChangesInterceptor
{
    // Records whose parent is what a user sees on screen.
    private static readonly string[] RootKeys = ["ProjectId", "UmbrellaId", "FundingBodyId", "AgreementId", "ApplicationId"];
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash"];
    /// <summary>
    /// Personal data of the people a project works with: the audit log says that it changed, never what it was.
    /// The log is kept longer and read more widely than the register, and a person's erasure must not leave copies in
    /// it.
    /// </summary>
    private static readonly Dictionary<string, HashSet<string>> Personal = new()
    {
        ["Participant"] = ["DisplayName", "PersonKey", "Organisation"],
        ["Volunteer"] = ["Name"],
        // An account's authenticator key and recovery codes: secrets, however they are stored.
        ["IdentityUserToken`1"] = ["Value"],
    };
    public const string Withheld = "•••";
    // Letters as they are (ą, not \u0105); values by name, not number.
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null) Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null) Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var user = http.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = user?.Identity?.Name ?? "system";
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            // A summary a use case writes itself (a bulk change) is stamped with who and when like any other entry.
            if (entry is { Entity: AuditEntry { UserName: "" } summary, State: EntityState.Added })
            {
                summary.UserId = userId;
                summary.UserName = userName;
                summary.At = now;
            }
            if (entry.Entity is AuditEntry or INotAudited or Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey || entry.State is EntityState.Detached or EntityState.Unchanged) continue;
            if (entry.Entity is IVersioned && entry.State == EntityState.Modified)
            {
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
            // A bulk import records one summary entry of its own instead of one per row.
            if (settings.SummaryOnly) continue;
            var changes = Changes(entry, Personal.GetValueOrDefault(entry.Metadata.ClrType.Name));
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            var id = KeyOf(entry);
            entries.Add(new AuditEntry
            {
                At = now,
                UserId = userId,
                UserName = userName,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = id,
                RootId = RootOf(entry) ?? id,
                ProjectId = entry.Entity is Talka.Domain.Projects.Project project ? project.Id
                    : entry.Metadata.FindProperty("ProjectId") is { ClrType: var t } && t == typeof(Guid) ? (Guid)entry.Property("ProjectId").CurrentValue!
                    : settings.ProjectId,
                Action = entry.State.ToString(),
                Changes = JsonSerializer.Serialize(changes, Json),
            });
        }
        context.Set<AuditEntry>().AddRange(entries);
    }

    private static Dictionary<string, object?[]> Changes(EntityEntry entry, HashSet<string>? personal)
    {
        var changes = new Dictionary<string, object?[]>();
        var properties = entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties));
        foreach (var property in properties)
        {
            var name = property.Metadata.Name;
            if (Secret.Contains(name) || name == nameof(IVersioned.Version)) continue;
            if (personal?.Contains(name) == true)
            {
                var changed = entry.State switch
                {
                    EntityState.Added => property.CurrentValue is not null,
                    EntityState.Deleted => property.OriginalValue is not null,
                    _ => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue),
                };
                if (changed) changes[name] = [Withheld, Withheld];
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added when property.CurrentValue is not null:
                    changes[name] = [null, property.CurrentValue];
                    break;
                case EntityState.Deleted:
                    changes[name] = [property.OriginalValue, null];
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[name] = [property.OriginalValue, property.CurrentValue];
                    break;
            }
        }
        return changes;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static string? RootOf(EntityEntry entry)
    {
        if (entry.Metadata.IsOwned())
        {
            var ownerKey = entry.Metadata.FindPrimaryKey()!.Properties[0];
            return entry.Property(ownerKey.Name).CurrentValue?.ToString();
        }
        foreach (var key in RootKeys)
        {
            if (entry.Metadata.FindProperty(key) is not null) return entry.Property(key).CurrentValue?.ToString();
        }
        return null;
    }
}

/// <summary>Per unit of work: whether the audit log gets one entry per row or a summary the caller writes.</summary>
public sealed class AuditSettings
{
    public bool SummaryOnly { get; set; }

    /// <summary>The project the request works on (set by the project gate), for changes to records that do not
    /// carry it themselves (attendance, say).</summary>
    public Guid? ProjectId { get; set; }
}
