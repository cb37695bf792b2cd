using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Audit;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Organisations;

public sealed class DetailsModel(OrganisationQueries queries, AuditQueries audit) : TalkaPage
{
    public OrganisationView? Organisation { get; private set; }
    public IReadOnlyList<AuditLine>? Audit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var viewer = await ViewerAsync();
        if (!viewer.IsAuthenticated) return Challenge();
        Organisation = await queries.GetAsync(viewer, id);
        if (Organisation is null) return viewer.ReadsEverything ? NotFound() : await DenyAsync();
        if (viewer.CanSeeAuditTrail) Audit = await audit.ForAsync(id);
        ViewData["AuditRecord"] = id;
        return Page();
    }
}
