using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Audit;
using Talka.Web.Features.Programmes;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Calls;

[AllowAnonymous]
public sealed class DetailsModel(
    ProgrammeQueries queries,
    AuditQueries audit,
    Applications.ApplicationQueries applications,
    Evaluation.EvaluationQueries evaluation
) : TalkaPage
{
    public CallView? Call { get; private set; }
    public bool CanManage { get; private set; }
    public IReadOnlyList<AuditLine>? Audit { get; private set; }
    public Applications.CallApplicationsSection? Applications { get; private set; }
    /// <summary>The funded applications of the approved ranking in force (public).</summary>
    public Evaluation.FundedList? Funded { get; private set; }
    public bool MaySeeEvaluation { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        Call = await queries.GetCallAsync(id);
        if (Call is null) return NotFound();
        var viewer = await ViewerAsync();
        CanManage = viewer.CanManageProgrammes;
        Applications = await applications.SectionAsync(id);
        Funded = await evaluation.FundedAsync(id);
        MaySeeEvaluation = viewer.CanSeeEvaluation && Applications.Form is not null;
        if (viewer.CanSeeAuditTrail) Audit = await audit.ForAsync(id);
        ViewData["AuditRecord"] = id;
        return Page();
    }
}
