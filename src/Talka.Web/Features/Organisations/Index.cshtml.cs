using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Organisations;

public sealed class IndexModel(OrganisationQueries queries) : TalkaPage
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
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
        Result = await queries.ListAsync(viewer, Search, PageNumber);
        return Page();
    }
}
