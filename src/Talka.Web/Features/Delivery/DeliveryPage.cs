using Microsoft.AspNetCore.Mvc;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Delivery;

/// <summary>A page about one project's delivery records: it loads the project through the gate and refuses what the viewer may not do.</summary>
public abstract class DeliveryPage : TalkaPage
{
    public ProjectContext Project { get; private set; } = null!;
    public Guid ProjectId => Project.Project.Id;

    /// <summary>Null when the viewer may go on; otherwise the refusal (403 page, or login for a visitor).</summary>
    protected async Task<IActionResult?> EnterAsync(Guid projectId, bool write = false)
    {
        var context = await HttpContext.RequestServices.GetRequiredService<ProjectGate>().FindAsync(projectId, HttpContext.RequestAborted);
        if (context is null && (await ViewerAsync()).ReadsEverything) return NotFound();
        if (context is not { CanRead: true } || (write && !context.CanWrite)) return await DenyAsync();
        Project = context;
        return null;
    }
}
