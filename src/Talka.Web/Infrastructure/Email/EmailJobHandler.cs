using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Infrastructure.Email;

/// <summary>Sends one queued e-mail through the configured SMTP server (MailKit). A failure is retried by the job
/// worker; a message already sent is not sent again.</summary>
public sealed class EmailJobHandler(TalkaDbContext db, IOptions<SmtpSettings> settings, TimeProvider clock)
    : IJobHandler
{
    public const string JobKind = "email";
    public string Kind => JobKind;

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        var id = Guid.Parse(payload);
        var message = await db.Set<EmailMessage>().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null || message.SentAt is not null)
            return;
        var smtp = settings.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
            throw new InvalidOperationException("Talka:Smtp:Host is not set: the e-mail waits until it is.");
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(smtp.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(mime.From.Mailboxes.First().Domain);
        mime.Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody();
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, true, out var chosen)
            ? chosen
            : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
        message.SentAt = clock.GetUtcNow().UtcDateTime;
        message.Text = "";
        message.Html = "";
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
