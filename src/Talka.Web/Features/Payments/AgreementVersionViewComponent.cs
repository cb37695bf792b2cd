using Microsoft.AspNetCore.Mvc;

namespace Talka.Web.Features.Payments;

/// <summary>The line on the plan, budget and indicators pages naming the agreement's version in force, with a link to
/// its history (nothing for a project without an agreement).</summary>
public sealed class AgreementVersionViewComponent(PaymentQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid projectId) =>
        await queries.VersionsAsync(projectId, HttpContext.RequestAborted) is { } versions
            ? View("/Features/Payments/_AgreementVersion.cshtml", versions)
            : Content("");
}
