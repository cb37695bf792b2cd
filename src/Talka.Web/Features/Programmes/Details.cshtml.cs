using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Audit;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Programmes;

[AllowAnonymous]
// Cached for visitors who are not signed in (PublicCache).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Talka.Web.Infrastructure.Web.PublicCache.Policy)]
public sealed class DetailsModel(ProgrammeQueries queries, AuditQueries audit, Delivery.ReachQueries reach, ProgrammeOfficers officers,
    Projects.ProjectQueries projects)
    : TalkaPage
{
    /// <summary>The programme's projects (published ones for a visitor), searched and paged on the server.</summary>
    public Organisations.Page<Projects.ProjectRow>? Projects { get; private set; }
    [FromQuery(Name = "q")] public string? Search { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OfficerRow>? Officers { get; private set; }
    public ProgrammeRow? Programme { get; private set; }
    public bool CanManage { get; private set; }
    /// <summary>Funders see exact breakdowns; everyone else sees cells below five withheld.</summary>
    public bool Exact { get; private set; }
    public IReadOnlyList<AuditLine>? Audit { get; private set; }
    public Delivery.ProgrammeReach? Reach { get; private set; }
    public Delivery.ProgrammeCharts? Charts { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Programme = await queries.GetAsync(id);
        if (Programme is null) return NotFound();
        var viewer = await ViewerAsync();
        Reach = await reach.ForProgrammeAsync(id, null, exact: viewer.ReadsEverything);
        Charts = await reach.ChartsAsync(id, exact: viewer.ReadsEverything);
        Exact = viewer.ReadsEverything;
        CanManage = viewer.CanManageProgrammes;
        Officers = await officers.ListAsync(id);
        Projects = await projects.ListAsync(viewer, new Projects.ProjectFilter(ProgrammeId: id, Page: Math.Max(1, PageNumber),
            Search: Search), HttpContext.RequestAborted);
        if (viewer.CanSeeAuditTrail) Audit = await audit.ForAsync(id);
        ViewData["AuditRecord"] = id;
        return Page();
    }

    public async Task<IActionResult> OnPostOfficersAsync(Guid id, string[] officerIds)
    {
        var result = await officers.SetAsync(id, new OfficersInput(officerIds), HttpContext.RequestAborted);
        if (await FailureAsync(result, "") is { } failure) return failure;
        if (!result.Ok) return await OnGetAsync(id);
        TempData["Saved"] = T["Programmes.OfficersSaved"];
        return Redirect($"/programmes/details/{id}");
    }
}
