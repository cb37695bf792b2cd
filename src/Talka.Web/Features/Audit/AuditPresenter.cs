using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Delivery;
using Talka.Domain.Projects;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Features.Audit;

/// <summary>
/// Turns stored audit entries (values as JSON, in UTC, by property name) into lines a person reads: field names in the
/// user's language, dates, money and choices as the pages show them, related records by name, Lithuanian time.
/// Names are looked up for the whole page at once.
/// </summary>
public sealed class AuditPresenter(TalkaDbContext db, Texts t)
{
    private static readonly HashSet<string> Money =
    [
        "Amount",
        "GrantedAmount",
        "GrantAmount",
        "OwnFunds",
        "MinGrant",
        "MaxGrant",
        "TotalBudget",
        "ReportedFundsUsed",
        "HalfYearlyReportThreshold",
        "Planned",
    ];

    // Identity's copies and switches nobody uses: they say nothing a reader needs.
    private static readonly HashSet<string> Hidden =
    [
        "NormalizedEmail",
        "NormalizedUserName",
        "NormalizedName",
        "LockoutEnabled",
        "PhoneNumberConfirmed",
    ];
    private static readonly string[] NameFields =
    [
        "Title",
        "Name",
        "Topic",
        "DocumentNumber",
        "Code",
        "FileName",
        "Text",
    ];

    public async Task<IReadOnlyList<AuditLine>> PresentAsync(
        IReadOnlyList<AuditEntry> entries,
        CancellationToken ct = default
    )
    {
        var parsed = entries.Select(e => (Entry: e, Changes: Parse(e.Changes))).ToList();
        var ids = new HashSet<Guid>();
        foreach (var (entry, changes) in parsed)
        {
            if (entry.ProjectId is { } p)
                ids.Add(p);
            foreach (var part in entry.EntityId.Split('/'))
                if (Guid.TryParse(part, out var g))
                    ids.Add(g);
            foreach (var (_, values) in changes)
            foreach (var v in values)
                if (v is { ValueKind: JsonValueKind.String } s && Guid.TryParse(s.GetString(), out var g))
                    ids.Add(g);
        }
        var names = await NamesAsync(ids, ct);
        return parsed.Select(x => Line(x.Entry, x.Changes, names)).ToList();
    }

    private AuditLine Line(
        AuditEntry entry,
        List<(string Field, JsonElement?[] Values)> changes,
        IReadOnlyDictionary<Guid, string> names
    )
    {
        var type = entry.EntityType;
        string Show(string field, JsonElement? value) => Value(type, field, value, names);
        // The record's own id and its project are in the line already.
        var lines = changes
            .Where(c =>
                c.Field != "Id" && !Hidden.Contains(c.Field) && !(c.Field == "ProjectId" && entry.ProjectId is not null)
            )
            .Select(c => new AuditChange(
                FieldLabel(field: c.Field),
                c.Values.Length > 1 ? Show(c.Field, c.Values[0]) : "",
                Show(c.Field, c.Values[^1])
            ))
            .ToList();
        return new AuditLine(
            entry.Id,
            LtFormat.LocalTime(new DateTimeOffset(DateTime.SpecifyKind(entry.At, DateTimeKind.Utc))),
            entry.UserName == "system" ? t["Audit.System"] : entry.UserName,
            t["Audit.Action." + entry.Action],
            Label("AuditEntity." + type, type),
            RecordName(entry, changes, names),
            entry.ProjectId,
            entry.ProjectId is { } p ? names.GetValueOrDefault(p) : null,
            lines
        );
    }

    /// <summary>The record's name as the line shows it: its own name field („…“), else the names of the records its
    /// key is made of (an attendance: event · participant), else the name looked up by its id.</summary>
    private static string? RecordName(
        AuditEntry entry,
        List<(string Field, JsonElement?[] Values)> changes,
        IReadOnlyDictionary<Guid, string> names
    )
    {
        foreach (var field in NameFields)
        {
            var change = changes.FirstOrDefault(c => c.Field == field);
            if (
                change.Values?.LastOrDefault(v => v is { ValueKind: JsonValueKind.String or JsonValueKind.Number })
                    is { } value
                && value.ToString() is { Length: > 0 } text
                && text != AuditInterceptor.Withheld
            )
                return $"„{(text.Length > 80 ? text[..80] + "…" : text)}“";
        }
        var keys = entry
            .EntityId.Split('/')
            .Select(k => Guid.TryParse(k, out var g) ? names.GetValueOrDefault(g) : null)
            .ToList();
        if (keys.Count > 1)
            return keys.All(k => k is not null) ? string.Join(" · ", keys) : null;
        return keys.FirstOrDefault();
    }

    /// <summary>"Pavadinimas" for Title: the audit's own label, else the form's, else the name itself.</summary>
    public string FieldLabel(string field) =>
        Label("AuditField." + field, null) is { } own && own != "AuditField." + field
            ? own
            : Label("Field." + field, field);

    private string Label(string key, string? fallback)
    {
        var text = t[key];
        return text == key && fallback is not null ? fallback : text;
    }

    private string Value(string entityType, string field, JsonElement? value, IReadOnlyDictionary<Guid, string> names)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return "—";
        var clr = PropertyType(entityType, field);
        switch (v.ValueKind)
        {
            case JsonValueKind.True:
                return t["Common.Yes"];
            case JsonValueKind.False:
                return t["Common.No"];
            case JsonValueKind.Number when clr is { IsEnum: true } && v.TryGetInt32(out var n):
                return t.EnumValue((Enum)Enum.ToObject(clr, n));
            case JsonValueKind.Number when v.TryGetDecimal(out var number):
                return Money.Contains(field) ? LtFormat.Eur(number) : LtFormat.Number(number);
            case JsonValueKind.String:
                var text = v.GetString() ?? "";
                if (text == AuditInterceptor.Withheld)
                    return t["Audit.Withheld"];
                if (field == "Role" && Roles.All.Contains(text))
                    return t["Role." + text];
                if (clr is { IsEnum: true } && Enum.IsDefined(clr, text))
                    return t.EnumValue((Enum)Enum.Parse(clr, text));
                if (clr == typeof(DateOnly) && DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var day))
                    return LtFormat.Date(day);
                if (
                    (clr == typeof(DateTimeOffset) || clr == typeof(DateTime))
                    && DateTimeOffset.TryParse(
                        text,
                        CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal,
                        out var at
                    )
                )
                    return LtFormat.LocalTime(at);
                if (Guid.TryParse(text, out var id))
                    return names.GetValueOrDefault(id) ?? t["Audit.OtherRecord"];
                return text.Length > 300 ? text[..300] + "…" : text;
            case JsonValueKind.Array:
                var items = v.EnumerateArray()
                    .Select(item =>
                        item.ValueKind == JsonValueKind.String
                        && DateOnly.TryParse(item.GetString(), CultureInfo.InvariantCulture, out var d)
                            ? LtFormat.Date(d)
                            : Value(entityType, "", item, names)
                    )
                    .ToList();
                return items.Count == 0 ? "—" : string.Join(", ", items);
            default:
                return v.ToString();
        }
    }

    // The model is the same for every context: a property's type is looked up once, not for every value shown.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), Type?> Types = new();

    /// <summary>The property's type in the model (nullable unwrapped), by the entity's and the property's
    /// names.</summary>
    private Type? PropertyType(string entityType, string field) =>
        Types.GetOrAdd((entityType, field), key => LookUp(key.Item1, key.Item2));

    private Type? LookUp(string entityType, string field)
    {
        var entity = db.Model.GetEntityTypes().FirstOrDefault(e => e.ClrType.Name == entityType);
        var property =
            entity?.FindProperty(field)
            ?? entity
                ?.GetComplexProperties()
                .SelectMany(c => c.ComplexType.GetProperties())
                .FirstOrDefault(p => p.Name == field);
        var type = property?.ClrType;
        return type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
    }

    private static List<(string Field, JsonElement?[] Values)> Parse(string json)
    {
        var list = new List<(string, JsonElement?[])>();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return list;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // A field change is [before, after]; a summary (an import's) is the value alone.
                list.Add(
                    property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 2
                        ? (
                            property.Name,
                            property.Value.EnumerateArray().Select(e => (JsonElement?)e.Clone()).ToArray()
                        )
                        : (property.Name, [property.Value.Clone()])
                );
            }
        }
        catch (JsonException) { }
        return list;
    }

    /// <summary>Names of the records the page mentions: projects, organisations, events, participants (by code),
    /// activities, objectives, calls and programmes.</summary>
    private async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(HashSet<Guid> ids, CancellationToken ct)
    {
        var names = new Dictionary<Guid, string>();
        if (ids.Count == 0)
            return names;
        var list = ids.ToList();
        foreach (
            var p in await db
                .Projects.AsNoTracking()
                .Where(p => list.Contains(p.Id))
                .Select(p => new { p.Id, p.Title })
                .ToListAsync(ct)
        )
            names[p.Id] = $"„{p.Title}“";
        foreach (
            var o in await db
                .Organisations.AsNoTracking()
                .Where(o => list.Contains(o.Id))
                .Select(o => new { o.Id, o.Name })
                .ToListAsync(ct)
        )
            names[o.Id] = o.Name;
        foreach (
            var e in await db.Set<Event>()
                .AsNoTracking()
                .Where(e => list.Contains(e.Id))
                .Select(e => new
                {
                    e.Id,
                    e.Number,
                    e.Topic,
                })
                .ToListAsync(ct)
        )
            names[e.Id] = $"{t["Audit.EventNumber", e.Number]} „{e.Topic}“";
        foreach (
            var p in await db.Set<Participant>()
                .AsNoTracking()
                .Where(p => list.Contains(p.Id))
                .Select(p => new { p.Id, p.Code })
                .ToListAsync(ct)
        )
            names[p.Id] = t["Audit.ParticipantCode", p.Code];
        foreach (
            var a in await db.Set<Activity>()
                .AsNoTracking()
                .Where(a => list.Contains(a.Id))
                .Select(a => new { a.Id, a.Title })
                .ToListAsync(ct)
        )
            names[a.Id] = $"„{a.Title}“";
        foreach (
            var o in await db.Set<Objective>()
                .AsNoTracking()
                .Where(o => list.Contains(o.Id))
                .Select(o => new { o.Id, o.Text })
                .ToListAsync(ct)
        )
            names[o.Id] = $"„{o.Text}“";
        // Accounts by e-mail and roles by their name: their keys are text holding a GUID.
        var keys = list.Select(g => g.ToString()).ToList();
        foreach (
            var u in await db
                .Users.AsNoTracking()
                .Where(u => keys.Contains(u.Id))
                .Select(u => new { u.Id, u.Email })
                .ToListAsync(ct)
        )
            names[Guid.Parse(u.Id)] = u.Email ?? "";
        foreach (
            var r in await db
                .Roles.AsNoTracking()
                .Where(r => keys.Contains(r.Id))
                .Select(r => new { r.Id, r.Name })
                .ToListAsync(ct)
        )
            names[Guid.Parse(r.Id)] = t["Role." + r.Name];
        foreach (
            var c in await db
                .Calls.AsNoTracking()
                .Where(c => list.Contains(c.Id))
                .Select(c => new { c.Id, c.Title })
                .ToListAsync(ct)
        )
            names[c.Id] = $"„{c.Title}“";
        foreach (
            var p in await db
                .Programmes.AsNoTracking()
                .Where(p => list.Contains(p.Id))
                .Select(p => new { p.Id, p.Title })
                .ToListAsync(ct)
        )
            names[p.Id] = $"„{p.Title}“";
        return names;
    }
}
