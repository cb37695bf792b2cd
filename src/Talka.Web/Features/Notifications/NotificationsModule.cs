using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Features.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) =>
        services.AddScoped<Notifier>().AddScoped<NotificationQueries>().AddJobHandler<ReportRemindersJob>();
}
