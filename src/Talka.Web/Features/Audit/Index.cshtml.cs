using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Audit;

/// <summary>The whole audit log, for funder admins and auditors: who changed what and when, filtered by user, record
/// type, dates and project, newest first, a page at a time.</summary>
public sealed class IndexModel(AuditQueries audit, TalkaDbContext db) : TalkaPage
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? Who { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Project { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Record { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public AuditPage Log { get; private set; } = new([], null);
    public IReadOnlyList<string> Types { get; private set; } = [];
    public string? ProjectTitle { get; private set; }

    /// <summary>The filters in force as chips that take them away.</summary>
    public IReadOnlyList<FilterChip> Chips
    {
        get
        {
            var chips = new List<(string Label, string Key)>();
            if (!string.IsNullOrWhiteSpace(Who)) chips.Add(($"{T["Audit.Who"]}: {Who}", "user"));
            if (!string.IsNullOrWhiteSpace(Type))
                chips.Add(($"{T["Audit.RecordType"]}: {(T["AuditEntity." + Type] is var l && l != "AuditEntity." + Type ? l : Type)}", "type"));
            if (From is { } from) chips.Add(($"{T["Audit.From"]}: {Talka.Domain.Common.LtFormat.Date(from)}", "from"));
            if (To is { } to) chips.Add(($"{T["Audit.To"]}: {Talka.Domain.Common.LtFormat.Date(to)}", "to"));
            if (Project is not null) chips.Add(($"{T["Field.Project"]}: {ProjectTitle ?? T["Common.NotStated"]}", "project"));
            if (Record is not null) chips.Add((T["Audit.OneRecord"], "record"));
            return chips.Select(c => new FilterChip(c.Label, FilterChip.Without("/audit", Request.Query, c.Key, "before"))).ToList();
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await ViewerAsync()).CanSeeAuditTrail)
            return await DenyAsync();
        Types = await audit.TypesAsync(ct);
        if (Project is { } project)
            ProjectTitle = await db
                .Projects.AsNoTracking()
                .Where(p => p.Id == project)
                .Select(p => p.Title)
                .SingleOrDefaultAsync(ct);
        Log = await audit.PageAsync(new AuditFilter(Who, Type, From, To, Project, Record), Before, ct);
        return Page();
    }

    /// <summary>This page's filters with another starting point.</summary>
    public string Link(long? before)
    {
        var values = new Dictionary<string, string?>
        {
            ["user"] = Who,
            ["type"] = Type,
            ["from"] = From?.ToString("yyyy-MM-dd"),
            ["to"] = To?.ToString("yyyy-MM-dd"),
            ["project"] = Project?.ToString(),
            ["record"] = Record?.ToString(),
            ["before"] = before?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/audit",
            values.Where(v => !string.IsNullOrEmpty(v.Value))
        );
    }
}
