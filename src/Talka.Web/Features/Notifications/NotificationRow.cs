namespace Talka.Web.Features.Notifications;

/// <summary>A notification as its reader sees it, its text in their language.</summary>
public sealed record NotificationRow(Guid Id, string Kind, string Text, string Link, DateTime CreatedAt, bool Read);
