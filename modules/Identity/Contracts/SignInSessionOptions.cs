namespace Derrimut.Identity.Contracts;

/// <summary>Configuration section <c>Identity:Sessions</c>: how long a sign-in lives and how soon a change reaches it.</summary>
public sealed class SignInSessionOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Identity:Sessions";

    /// <summary>
    /// A sign-in ends this long after the password was typed, however active the person has been since (sliding
    /// expiry alone would let a stolen cookie live for ever if it is used daily).
    /// </summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How often a signed-in browser's cookie is checked against the person's security stamp (and an open page's
    /// circuit against it): the longest a session survives a password change, a 2FA change or a deactivation.
    /// </summary>
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
