namespace Talka.Web.Infrastructure.Email;

/// <summary>Talka:Smtp:* — the server Talka sends e-mail through.</summary>
public sealed class SmtpSettings
{
    /// <summary>The SMTP server's host name; no e-mail leaves Talka until it is set (the jobs wait and
    /// retry).</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>"None", "StartTls", "SslOnConnect" or "Auto" (STARTTLS when the server offers it).</summary>
    public string Security { get; set; } = "Auto";
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, e.g. "Talka &lt;talka@ministerija.lt&gt;".</summary>
    public string From { get; set; } = "Talka <talka@localhost>";
}
