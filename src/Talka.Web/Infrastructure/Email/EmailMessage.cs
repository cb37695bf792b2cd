namespace Talka.Web.Infrastructure.Email;

/// <summary>An e-mail on its way: written in the unit of work that needs it, sent by the "email" job. Once sent, its
/// bodies are blanked (they may hold a single-use link); the recipient, subject and time stay as the record of what
/// was sent.</summary>
public sealed class EmailMessage : Data.INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string To { get; set; } = "";

    /// <summary>Which e-mail it is ("Invitation", "PasswordReset"…).</summary>
    public string Kind { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    public string Html { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
