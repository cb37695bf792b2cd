using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Domain.Organisations;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Features.Organisations;

public sealed record OrganisationRow(Guid Id, string Name, LegalForm LegalForm, string? LegalEntityCode, string? Municipality, bool IsUmbrella);

public sealed record OrganisationLink(Guid Id, string Name);

public sealed record OrganisationView(
    Guid Id, string Name, LegalForm LegalForm, string? LegalEntityCode, bool CheckDigitOverridden, string? Municipality,
    string? Address, string? Website, string? ContactEmail, string? ContactPhone, bool IsUmbrella,
    IReadOnlyList<OrganisationLink> Members, IReadOnlyList<OrganisationLink> Umbrellas, IReadOnlyList<OrganisationLink> Projects,
    int Version, bool CanEdit);

public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Reads of organisations, limited to what the viewer may see.</summary>
public sealed class OrganisationQueries(TalkaDbContext db)
{
    public const int PageSize = 50;

    public IQueryable<Organisation> Visible(Viewer viewer)
    {
        if (viewer.ReadsEverything) return db.Organisations.AsNoTracking();
        var own = viewer.MemberOrganisationIds.ToList();
        return db.Organisations.AsNoTracking().Where(o => own.Contains(o.Id));
    }

    /// <summary>The list's column sorts: by name (the default), by municipality, by legal form.</summary>
    public static readonly string[] Sorts = ["name", "municipality", "form"];

    public async Task<Page<OrganisationRow>> ListAsync(Viewer viewer, string? search, int page, CancellationToken ct = default,
        string? sort = null)
    {
        page = Math.Max(1, page);
        var query = Visible(viewer);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var code = search.Trim();
            var term = SearchText.Normalize(search);
            query = query.Where(o => o.SearchName.Contains(term) || o.LegalEntityCode == code);
        }
        var total = await query.CountAsync(ct);
        var sorted = sort switch
        {
            "municipality" => query.OrderBy(o => o.Municipality == null)
                .ThenBy(o => EF.Functions.Collate(o.Municipality, LithuanianCollation.Name))
                .ThenBy(o => EF.Functions.Collate(o.Name, LithuanianCollation.Name)),
            "form" => query.OrderBy(o => o.LegalForm).ThenBy(o => EF.Functions.Collate(o.Name, LithuanianCollation.Name)),
            _ => query.OrderBy(o => EF.Functions.Collate(o.Name, LithuanianCollation.Name)),
        };
        var items = await sorted.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.LegalForm, o.LegalEntityCode, o.Municipality, o.IsUmbrella))
            .ToListAsync(ct);
        return new Page<OrganisationRow>(items, page, PageSize, total);
    }

    public async Task<IReadOnlyList<OrganisationLink>> AllLinksAsync(CancellationToken ct = default) =>
        await db.Organisations.AsNoTracking().OrderBy(o => EF.Functions.Collate(o.Name, LithuanianCollation.Name))
            .Select(o => new OrganisationLink(o.Id, o.Name)).ToListAsync(ct);

    /// <summary>Null when the organisation does not exist or the viewer may not see it.</summary>
    public async Task<OrganisationView?> GetAsync(Viewer viewer, Guid id, CancellationToken ct = default)
    {
        if (!viewer.CanSeeOrganisation(id)) return null;
        var o = await db.Organisations.AsNoTracking().Include(x => x.Members).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return null;
        var memberIds = o.Members.Select(m => m.MemberId).ToList();
        var members = await db.Organisations.AsNoTracking().Where(x => memberIds.Contains(x.Id))
            .OrderBy(x => EF.Functions.Collate(x.Name, LithuanianCollation.Name))
            .Select(x => new OrganisationLink(x.Id, x.Name)).ToListAsync(ct);
        var umbrellas = await db.Organisations.AsNoTracking().Where(x => x.Members.Any(m => m.MemberId == id))
            .OrderBy(x => EF.Functions.Collate(x.Name, LithuanianCollation.Name))
            .Select(x => new OrganisationLink(x.Id, x.Name)).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.OrganisationId == id)
            .OrderBy(p => EF.Functions.Collate(p.Title, LithuanianCollation.Name))
            .Select(p => new OrganisationLink(p.Id, p.Title)).ToListAsync(ct);
        return new OrganisationView(o.Id, o.Name, o.LegalForm, o.LegalEntityCode, o.CheckDigitOverridden, o.Municipality, o.Address,
            o.Website, o.ContactEmail, o.ContactPhone, o.IsUmbrella, members, umbrellas, projects, o.Version, viewer.CanEditOrganisation(id));
    }
}
