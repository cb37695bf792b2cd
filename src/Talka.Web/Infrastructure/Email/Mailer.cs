using System.Net;
using System.Text;
using Talka.Web.Infrastructure.Data;
using Talka.Web.Infrastructure.Jobs;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Infrastructure.Email;

/// <summary>
/// Writes an e-mail in its recipient's language, as plain text and HTML from the same words, and queues it: the
/// message and its "email" job are saved with the caller's SaveChanges, so an e-mail exists exactly when the change
/// that needs it does. Links are built from Talka:PublicUrl (else from the address the request came to).
/// </summary>
public sealed class Mailer(
    TalkaDbContext db,
    JobQueue jobs,
    Texts texts,
    TimeProvider clock,
    IConfiguration configuration,
    IHttpContextAccessor http
)
{
    /// <summary>Queues the e-mail "Email.{kind}.Subject" with the paragraphs "Email.{kind}.Body" (lines split on
    /// "\n"), its arguments filled in, and a button to <paramref name="path"/> labelled
    /// "Email.{kind}.Action".</summary>
    public EmailMessage Queue(string to, string language, string kind, string? path, params object?[] args)
    {
        var subject = texts.In(language, $"Email.{kind}.Subject", args);
        var paragraphs = texts.In(language, $"Email.{kind}.Body", args).Split('\n');
        var link = path is null ? null : Link(path);
        var action = texts.In(language, $"Email.{kind}.Action");
        var footer = texts.In(language, "Email.Footer");
        var text = new StringBuilder();
        foreach (var paragraph in paragraphs)
            text.Append(paragraph).Append("\r\n\r\n");
        if (link is not null)
            text.Append(action).Append(":\r\n").Append(link).Append("\r\n\r\n");
        text.Append("-- \r\n").Append(footer).Append("\r\n");
        var html = new StringBuilder(
            $"<!DOCTYPE html><html lang=\"{language}\">"
                + "<body style=\"font-family:sans-serif;line-height:1.5;color:#1d2530\">"
        );
        foreach (var paragraph in paragraphs)
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        if (link is not null)
        {
            var href = WebUtility.HtmlEncode(link);
            html.Append(
                    $"<p><a href=\"{href}\" style=\"display:inline-block;padding:10px 16px;background:#1f5f8b;"
                        + "color:#fff;text-decoration:none;border-radius:4px\">"
                )
                .Append(WebUtility.HtmlEncode(action))
                .Append("</a></p>")
                .Append($"<p style=\"font-size:13px;color:#555\">{href}</p>");
        }
        html.Append("<hr><p style=\"font-size:13px;color:#555\">")
            .Append(WebUtility.HtmlEncode(footer))
            .Append("</p></body></html>");
        var message = new EmailMessage
        {
            To = to,
            Kind = kind,
            Subject = subject,
            Text = text.ToString(),
            Html = html.ToString(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(message);
        jobs.Enqueue(EmailJobHandler.JobKind, message.Id.ToString());
        return message;
    }

    /// <summary>An absolute link to a path of Talka. A job (a reminder) has no request to take the address from:
    /// set Talka:PublicUrl wherever e-mail is sent (the run command sets it).</summary>
    public string Link(string path)
    {
        var configured = configuration["Talka:PublicUrl"];
        var request = http.HttpContext?.Request;
        var root =
            !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : request is not null ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : "http://localhost:5000";
        return root + path;
    }
}
