using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Audit;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Projects;

[AllowAnonymous]
// Cached for visitors (PublicCache), and for each signed-in user their own copy (SignedInPageCache).
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicCache.ProjectPagePolicy)]
public sealed class DetailsModel(
    ProjectQueries queries, ProjectService service, AuditQueries audit, Delivery.PublicResultsQueries results)
    : TalkaPage
{
    public ProjectView? Project { get; private set; }
    public IReadOnlyList<AuditLine>? Audit { get; private set; }
    public Delivery.PublicResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var viewer = await ViewerAsync();
        Project = await queries.GetAsync(viewer, id);
        if (Project is null) return viewer.ReadsEverything ? NotFound() : await DenyAsync();
        Results = await results.ForAsync(id, exact: Project.Access == Talka.Domain.Common.ProjectAccess.Full);
        if (viewer.CanSeeAuditTrail)
            Audit = await audit.ForAsync(Project.Agreement is { } a ? [id, a.Id] : [id]);
        ViewData["AuditRecord"] = id;
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, bool published)
    {
        var result = await service.SetPublishedAsync(id, published);
        if (await FailureAsync(result) is { } failure) return failure;
        TempData["Saved"] = published ? T["Projects.Published"] : T["Projects.Unpublished"];
        return Redirect($"/projects/details/{id}");
    }
}
