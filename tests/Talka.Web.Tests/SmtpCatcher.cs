using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Talka.Web.Tests;

/// <summary>
/// A real SMTP server on loopback for the tests: it speaks the protocol (EHLO, MAIL, RCPT, DATA, QUIT) to Talka's
/// MailKit client over TCP and keeps each message it receives, parsed, for a test to read. One per test process;
/// tests tell their messages apart by recipient (each uses addresses of its own).
/// </summary>
public sealed class SmtpCatcher
{
    public static SmtpCatcher Shared { get; } = new();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<(string[] Recipients, MimeMessage Message)> _received = new();

    public int Port { get; }

    private SmtpCatcher()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync();
    }

    /// <summary>Every message received for the address so far.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [
            .. _received
                .Where(r => r.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))
                .Select(r => r.Message),
        ];

    /// <summary>Waits (up to 30 s) for the <paramref name="count"/>-th message to the address.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, int count = 1)
    {
        for (var i = 0; i < 300; i++)
        {
            var messages = To(address);
            if (messages.Count >= count)
                return messages[count - 1];
            await Task.Delay(100);
        }
        throw new TimeoutException($"No e-mail number {count} to {address} arrived within 30 s.");
    }

    /// <summary>The first link in the message's plain text that starts with the prefix.</summary>
    public static string Link(MimeMessage message, string prefix)
    {
        var text = message.TextBody ?? "";
        var start = text.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
            throw new InvalidOperationException($"No link {prefix} in:\n{text}");
        var end = text.IndexOfAny(['\r', '\n', ' '], start);
        return text[start..(end < 0 ? text.Length : end)];
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            var client = await _listener.AcceptTcpClientAsync();
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        // Latin-1 keeps every byte as it is: the message is parsed from the same bytes the client sent.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 talka-tests SMTP ready");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
            switch (command)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-talka-tests");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO":
                case "NOOP":
                case "MAIL":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RSET":
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    var start = line.IndexOf('<');
                    var end = line.IndexOf('>');
                    recipients.Add(start >= 0 && end > start ? line[(start + 1)..end] : line[8..].Trim());
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine)
                            .Append("\r\n");
                    var message = await MimeMessage.LoadAsync(
                        new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()))
                    );
                    _received.Enqueue(([.. recipients], message));
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK: queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }
}
