namespace Talka.Web.Features.Notifications;

/// <summary>Something Talka told a person, in Talka (the bell) and, unless they turned its kind off, by e-mail. The
/// words are made from <see cref="Kind"/> and <see cref="Args"/> in the reader's language when shown. A reminder
/// carries a <see cref="Key"/>, unique per person, so that it is never sent twice.</summary>
public sealed class Notification : Infrastructure.Data.INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public string Kind { get; set; } = "";

    /// <summary>The values the text names, as a JSON array of strings.</summary>
    public string Args { get; set; } = "[]";
    public string Link { get; set; } = "";
    public string? Key { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}
