using Microsoft.AspNetCore.Mvc;
using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Notifications;

/// <summary>The bell's page: one's notifications, newest first; mark them read; choose which come by e-mail.</summary>
public sealed class IndexModel(NotificationQueries queries) : TalkaPage
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;
    public Page<NotificationRow> Result { get; private set; } = new([], 1, NotificationQueries.PageSize, 0);
    public IReadOnlySet<string> Muted { get; private set; } = new HashSet<string>();

    public async Task OnGetAsync()
    {
        var user = (await ViewerAsync()).UserId!;
        Result = await queries.PageAsync(user, PageNumber, HttpContext.RequestAborted);
        Muted = await queries.MutedAsync(user, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostReadAsync()
    {
        await queries.MarkAllReadAsync((await ViewerAsync()).UserId!, HttpContext.RequestAborted);
        return Redirect("/notifications");
    }

    public async Task<IActionResult> OnPostPreferencesAsync(string[] emailed)
    {
        await queries.SetEmailedAsync((await ViewerAsync()).UserId!, emailed, HttpContext.RequestAborted);
        TempData["Saved"] = T["Notifications.PreferencesSaved"];
        return Redirect("/notifications");
    }
}
