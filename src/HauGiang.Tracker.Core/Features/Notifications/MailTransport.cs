using System.Globalization;
using HauGiang.Tracker.Core.Domain;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace HauGiang.Tracker.Core.Features.Notifications;

/// <summary>The mail settings (section "Mail"). With neither a host nor an outbox folder, e-mail is off.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>The sender, e.g. "Theo dõi Chương trình 50 &lt;khong-tra-loi@example.vn&gt;".</summary>
    public string From { get; set; } = "Theo dõi Chương trình 50-CTr/TU <khong-tra-loi@tracker.local>";

    /// <summary>The address the links in a digest start with, e.g. "https://theodoi.example.vn/".</summary>
    public string? SiteAddress { get; set; }

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    /// <summary>Auto, None, SslOnConnect, StartTls, StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.Auto;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>Development: messages are written as .eml files here instead of being sent.</summary>
    public string? OutboxFolder { get; set; }

    public bool IsOn => !string.IsNullOrWhiteSpace(SmtpHost) || !string.IsNullOrWhiteSpace(OutboxFolder);
}

/// <summary>Hands messages to the world one by one over one connection. A message that fails throws; the others are unaffected.</summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

public interface IMailTransport
{
    /// <summary>Where mail goes, for the administrator's page ("SMTP mail.example.vn:587", ".eml files in …").</summary>
    string Describe();

    Task<IMailSession> OpenAsync(CancellationToken ct);
}

/// <summary>The way out: SMTP through MailKit.</summary>
public sealed class SmtpMailTransport(MailOptions options) : IMailTransport
{
    public string Describe() => $"SMTP {options.SmtpHost}:{options.SmtpPort.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, options.SmtpSecurity, ct);
            if (!string.IsNullOrEmpty(options.SmtpUserName))
            {
                await client.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? "", ct);
            }
            return new Session(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Session(SmtpClient client) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct) => await client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or SmtpCommandException)
            {
                // The messages are already handed over or marked for a retry; a failed goodbye changes nothing.
            }
            client.Dispose();
        }
    }
}

/// <summary>Development: every message becomes a .eml file a person can open; nothing needs a mail server.</summary>
public sealed class OutboxFolderTransport(MailOptions options) : IMailTransport
{
    public string Describe() => $"tệp .eml trong {options.OutboxFolder}";

    public Task<IMailSession> OpenAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(options.OutboxFolder!);
        return Task.FromResult<IMailSession>(new Session(options.OutboxFolder!));
    }

    private sealed class Session(string folder) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId?.Split('@')[0] ?? Guid.NewGuid().ToString("N")}.eml";
            await message.WriteToAsync(Path.Combine(folder, name), ct);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

internal static class MailMessages
{
    public static MimeMessage Compose(OutgoingMail mail, MailOptions options)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(mail.CreatedAt, DateTimeKind.Utc));
        // One identity per message: a message retried after a lost answer is recognisably the same one.
        message.MessageId = $"{mail.Key.Replace(':', '.')}@haugiang-tracker";
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }
}
