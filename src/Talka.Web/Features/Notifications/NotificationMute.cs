namespace Talka.Web.Features.Notifications;

/// <summary>A kind of notification a person does not want by e-mail (they still see it in Talka).</summary>
public sealed class NotificationMute : Infrastructure.Data.INotAudited
{
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";
}
