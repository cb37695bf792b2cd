using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Organisations;

public sealed class IndexModel(OrganisationQueries queries) : TalkaPage
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    public string SortedBy => OrganisationQueries.Sorts.Contains(Sort) ? Sort! : "name";
    public IReadOnlyList<FilterChip> Chips => string.IsNullOrWhiteSpace(Search) ? []
        : [new FilterChip(T["Filters.Search", Search.Trim()], FilterChip.Without(Request.Path, Request.Query, "search"))];

    public SortHeading Heading(string label, string sort) =>
        SortHeading.For(label, sort, SortedBy, Request.Path, Request.Query);
    // From the query only: Razor Pages keeps its own "page" route value (the page's path), which a bound "page"
    // would read instead.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Page<OrganisationRow> Result { get; private set; } = new([], 1, OrganisationQueries.PageSize, 0);
    public bool CanCreate { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var viewer = await ViewerAsync();
        if (!viewer.CanListOrganisations) return await DenyAsync();
        CanCreate = viewer.CanCreateOrganisation;
        Result = await queries.ListAsync(viewer, Search, PageNumber, HttpContext.RequestAborted,
            OrganisationQueries.Sorts.Contains(Sort) ? Sort : null);
        return Page();
    }
}
