using Microsoft.AspNetCore.Identity;

namespace Derrimut.Identity.Contracts;

/// <summary>
/// A person: one login for every gym they belong to. Platform-owned; what they may do at a gym comes from their
/// access rows there, never from this row (except <see cref="IsSuperAdmin"/>, the platform role).
/// </summary>
public sealed class DerrimutUser : IdentityUser<Guid>
{
    /// <summary>How the person is addressed, e.g. "Priya Nair".</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>An https address of the person's photo, or null.</summary>
    public string? PhotoUrl { get; set; }

    /// <summary>Who to call if something happens at the gym.</summary>
    public string? EmergencyContactName { get; set; }

    /// <summary>The emergency contact's phone number.</summary>
    public string? EmergencyContactPhone { get; set; }

    /// <summary>Platform superadmin: every permission everywhere.</summary>
    public bool IsSuperAdmin { get; set; }

    /// <summary>When the account was created (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
