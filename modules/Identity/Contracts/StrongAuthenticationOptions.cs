namespace Derrimut.Identity.Contracts;

/// <summary>
/// Configuration section <c>Identity</c>: MFA for the powerful and step-up re-authentication (decision 0059).
/// </summary>
public sealed class StrongAuthenticationOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Identity";

    /// <summary>
    /// <c>Identity:RequireTwoFactorForPowerfulRoles</c>: superadmins and people holding people-management, payroll or
    /// billing permissions must have two-factor sign-in on to use them, and sensitive changes (Stripe keys, bank
    /// details, turning 2FA off, new recovery codes) need a recent step-up. On by default everywhere; the Development
    /// demo turns it off so the demo people sign in with the password alone.
    /// </summary>
    public bool RequireTwoFactorForPowerfulRoles { get; set; } = true;

    /// <summary><c>Identity:StepUpLifetime</c>: how long a re-entered password or code counts as recent.</summary>
    public TimeSpan StepUpLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
