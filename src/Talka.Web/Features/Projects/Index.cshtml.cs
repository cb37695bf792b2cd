using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Common;
using Talka.Web.Features.Organisations;
using Talka.Web.Features.Programmes;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Projects;

[AllowAnonymous]
// Cached for visitors who are not signed in (PublicCache).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Talka.Web.Infrastructure.Web.PublicCache.Policy)]
public sealed class IndexModel(ProjectQueries queries, ProgrammeQueries programmes, TalkaDbContext db) : TalkaPage
{
    [BindProperty(SupportsGet = true)] public Guid? ProgrammeId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? OrganisationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }

    /// <summary>A column heading sorting this list, keeping the filters (back to the first page); the start and the
    /// amount sort latest and largest first.</summary>
    public SortHeading Heading(string label, string sort, string? css = null) =>
        SortHeading.For(label, sort, SortedBy, "/projects", Request.Query, sort is "start" or "amount", css);

    public string SortedBy => ProjectFilter.Sorts.Contains(Sort) ? Sort! : "start";
    // From the query only: Razor Pages keeps its own "page" route value (the page's path), which a bound "page"
    // would read instead.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Page<ProjectRow> Result { get; private set; } = new([], 1, ProjectQueries.PageSize, 0);
    public IReadOnlyList<SelectListItem> ProgrammeItems { get; private set; } = [];
    /// <summary>The organisation filter in force (from a link such as the home page's "our projects"), as a chip;
    /// organisations are otherwise found by name through the search, never offered as a list of every one.</summary>
    public IReadOnlyList<FilterChip> Chips { get; private set; } = [];
    public IEnumerable<SelectListItem> MunicipalityItems => Municipalities.All.Select(m => new SelectListItem(m, m, m == Municipality));
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var viewer = await ViewerAsync();
        CanCreate = viewer.CanCreateProject;
        if (Year is { } year && !Years.IsPlausible(year))
        {
            ModelState.AddModelError(nameof(Year), T["Error.YearRange", Years.First.ToString(System.Globalization.CultureInfo.InvariantCulture), Years.Last.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            Year = null;
        }
        Result = await queries.ListAsync(viewer, new ProjectFilter(ProgrammeId, Year, OrganisationId, Municipality, PageNumber, Search, SortedBy));
        ProgrammeItems = (await programmes.ListAsync()).Select(p => new SelectListItem(p.Title, p.Id.ToString(), p.Id == ProgrammeId)).ToList();
        // Named only where this viewer can see a project of it; otherwise shown as a dash, still removable.
        if (OrganisationId is { } organisationId)
        {
            var visible = queries.Visible(viewer);
            var name = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == organisationId && visible.Any(p => p.OrganisationId == o.Id))
                .Select(o => o.Name).SingleOrDefaultAsync();
            Chips = [new FilterChip($"{T["Field.Organisation"]}: {name ?? "—"}",
                FilterChip.Without("/projects", Request.Query, "organisationId"))];
        }
    }
}
