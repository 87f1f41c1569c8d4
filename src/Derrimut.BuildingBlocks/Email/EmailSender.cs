using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Derrimut.BuildingBlocks.Email;

/// <summary>An email to one person.</summary>
/// <param name="To">Recipient address.</param>
/// <param name="ToName">Recipient display name.</param>
/// <param name="Subject">Subject line.</param>
/// <param name="TextBody">Plain-text body (always sent; links included as text).</param>
/// <param name="HtmlBody">Optional HTML alternative.</param>
/// <param name="Attachments">Files attached (e.g. a booking's <c>.ics</c> calendar event); none when null.</param>
public sealed record EmailMessage(string To, string? ToName, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A file attached to an email.</summary>
/// <param name="FileName">The file's name as the recipient sees it.</param>
/// <param name="ContentType">Its media type, e.g. <c>text/calendar; method=REQUEST</c>.</param>
/// <param name="Content">Its bytes.</param>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends email: SMTP (MailKit) when <c>Email:Smtp:Host</c> is configured, otherwise <c>.eml</c> files in a pickup folder.</summary>
public interface IEmailSender
{
    /// <summary>Sends the message.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Configuration section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    /// <summary>From address.</summary>
    public string From { get; set; } = "no-reply@derrimut.com.au";

    /// <summary>From display name.</summary>
    public string FromName { get; set; } = "Derrimut 24:7 Gym";

    /// <summary>Folder for <c>.eml</c> files when no SMTP host is set (default <c>App_Data/mail-pickup</c>).</summary>
    public string? PickupDirectory { get; set; }

    /// <summary>SMTP settings; used when <see cref="SmtpOptions.Host"/> is set.</summary>
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>SMTP relay settings.</summary>
public sealed class SmtpOptions
{
    /// <summary>Relay host; null means "use the pickup folder".</summary>
    public string? Host { get; set; }

    /// <summary>Port (587 submission by default).</summary>
    public int Port { get; set; } = 587;

    /// <summary>User name, when the relay needs one.</summary>
    public string? UserName { get; set; }

    /// <summary>Password (from configuration or environment, never committed).</summary>
    public string? Password { get; set; }

    /// <summary>Use STARTTLS when available.</summary>
    public bool UseStartTls { get; set; } = true;
}

internal static class EmailRegistration
{
    public static void AddDerrimutEmail(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection("Email");
        services.Configure<EmailOptions>(section);
        services.PostConfigure<EmailOptions>(o => o.PickupDirectory ??= Path.Combine(contentRoot, "App_Data", "mail-pickup"));
        if (!string.IsNullOrWhiteSpace(section["Smtp:Host"]))
        {
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
        }
    }

    public static MimeMessage ToMime(EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(new MailboxAddress(message.ToName ?? message.To, message.To));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments ?? [])
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>Writes each message as an <c>.eml</c> file: the embedded default, and what tests read.</summary>
internal sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var folder = options.Value.PickupDirectory!;
        Directory.CreateDirectory(folder);
        var mime = EmailRegistration.ToMime(message, options.Value);
        // Time first so a folder listing reads in order; a GUID keeps concurrent writes apart.
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(path, cancellationToken);
        logger.LogInformation("Email '{Subject}' to {To} written to {Path}", message.Subject, message.To, path);
    }
}

/// <summary>Sends through an SMTP relay with MailKit.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        // TLS is required, never "when available": a server (or a man in the middle) that does not offer STARTTLS must
        // not get password-reset links in clear text. Port 465 speaks TLS from the first byte.
        var security = settings.Smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : settings.Smtp.UseStartTls ? SecureSocketOptions.StartTls
            : SecureSocketOptions.None;
        await client.ConnectAsync(settings.Smtp.Host!, settings.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(EmailRegistration.ToMime(message, settings), cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
