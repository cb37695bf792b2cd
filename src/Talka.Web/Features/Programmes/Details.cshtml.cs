using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Audit;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Programmes;

[AllowAnonymous]
public sealed class DetailsModel(ProgrammeQueries queries, AuditQueries audit, Delivery.ReachQueries reach) : TalkaPage
{
    public ProgrammeRow? Programme { get; private set; }
    public bool CanManage { get; private set; }
    public IReadOnlyList<AuditRow>? Audit { get; private set; }
    public Delivery.ProgrammeReach? Reach { get; private set; }
    public Delivery.ProgrammeCharts? Charts { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Programme = await queries.GetAsync(id);
        if (Programme is null) return NotFound();
        Reach = await reach.ForProgrammeAsync(id, null);
        Charts = await reach.ChartsAsync(id);
        var viewer = await ViewerAsync();
        CanManage = viewer.CanManageProgrammes;
        if (viewer.CanSeeAuditTrail) Audit = await audit.ForAsync(id);
        return Page();
    }
}
