using System.Text.RegularExpressions;
using MimeKit;

namespace Derrimut.Web.Tests.Account;

/// <summary>The app's outbox: the <c>.eml</c> files its email sender writes to the pickup folder.</summary>
public sealed partial class MailPickup(string folder)
{
    /// <summary>The newest message to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public MimeMessage Latest(string to, string subject)
    {
        var messages = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList()
            : [];
        return messages.LastOrDefault(m =>
                m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
                && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal))
            ?? throw new ShouldAssertException($"No email '{subject}' to {to} in {folder} ({messages.Count} messages)");
    }

    /// <summary>The first link in the message's text body whose path starts with <paramref name="path"/>.</summary>
    public string LinkIn(MimeMessage message, string path) =>
        Link().Matches(message.TextBody ?? "").Select(m => m.Value).FirstOrDefault(l => new Uri(l).AbsolutePath == path)
            ?? throw new ShouldAssertException($"No {path} link in:\n{message.TextBody}");

    public int CountTo(string to) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f)).Count(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))
            : 0;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
