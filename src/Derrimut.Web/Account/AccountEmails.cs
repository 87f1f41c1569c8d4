using System.Text.Encodings.Web;
using Derrimut.BuildingBlocks.Email;
using Derrimut.Identity.Contracts;

namespace Derrimut.Web.Account;

/// <summary>The account emails. Each carries its link as plain text (always delivered) and in a short HTML part.</summary>
internal sealed class AccountEmails(IEmailSender sender)
{
    public Task SendConfirmationAsync(DerrimutUser user, string gymName, string link, CancellationToken cancellationToken) =>
        SendAsync(user, $"Confirm your email for {gymName}",
            $"Welcome to {gymName}, {user.DisplayName}!",
            "Confirm your email address to finish joining. The link proves this mailbox is yours:",
            link, "Confirm my email",
            "If you did not sign up, ignore this email and nothing will happen.", cancellationToken);

    public Task SendPasswordResetAsync(DerrimutUser user, string link, CancellationToken cancellationToken) =>
        SendAsync(user, "Reset your Derrimut password",
            $"Hi {user.DisplayName},",
            "Someone (hopefully you) asked to reset the password of your Derrimut login. Choose a new one here:",
            link, "Choose a new password",
            "If it wasn't you, ignore this email: your password stays as it is.", cancellationToken);

    /// <summary>
    /// Sign-up with an email that already has a login: the page says "check your inbox" either way, so nobody learns
    /// from the page whether an address is registered; the owner learns it here.
    /// </summary>
    public Task SendAlreadyRegisteredAsync(DerrimutUser user, string gymName, string signInLink, CancellationToken cancellationToken) =>
        SendAsync(user, $"You already have a Derrimut login",
            $"Hi {user.DisplayName},",
            $"Someone tried to sign up at {gymName} with this email address, which already has a Derrimut login. One login works at every Derrimut gym: sign in, then choose \"Join this gym\".",
            signInLink, "Sign in",
            "If it wasn't you, you can ignore this email.", cancellationToken);

    private Task SendAsync(DerrimutUser user, string subject, string greeting, string lead, string link, string action, string footer, CancellationToken cancellationToken)
    {
        var text = $"{greeting}\n\n{lead}\n{link}\n\n{footer}\n\nDerrimut 24:7 Gym\n";
        var html = HtmlEncoder.Default;
        var htmlBody =
            $"<p>{html.Encode(greeting)}</p><p>{html.Encode(lead)}</p>" +
            $"<p><a href=\"{html.Encode(link)}\">{html.Encode(action)}</a></p>" +
            $"<p style=\"color:#4B5563\">{html.Encode(footer)}</p><p>Derrimut 24:7 Gym</p>";
        return sender.SendAsync(new EmailMessage(user.Email!, user.DisplayName, subject, text, htmlBody), cancellationToken);
    }
}
