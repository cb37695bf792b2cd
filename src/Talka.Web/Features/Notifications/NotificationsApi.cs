using Talka.Web.Features.Organisations;
using Talka.Web.Infrastructure.Web;

namespace Talka.Web.Features.Notifications;

public static class NotificationsApi
{
    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications").RequireAuthorization();
        group
            .MapGet(
                "/",
                async (int? page, NotificationQueries q, ViewerAccessor v, CancellationToken ct) =>
                    await q.PageAsync((await v.GetAsync(ct)).UserId!, page ?? 1, ct)
            )
            .WithSummary("Your notifications, newest first, with their text in your language");
        group
            .MapPost(
                "/read",
                async (NotificationQueries q, ViewerAccessor v, CancellationToken ct) =>
                {
                    await q.MarkAllReadAsync((await v.GetAsync(ct)).UserId!, ct);
                    return Results.NoContent();
                }
            )
            .ReturnsNothing("Mark all your notifications read");
    }
}
