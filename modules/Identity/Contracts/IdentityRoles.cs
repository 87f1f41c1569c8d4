namespace Derrimut.Identity.Contracts;

/// <summary>The roles a person can hold at a location (and <see cref="Admin"/> at a franchise).</summary>
public static class IdentityRoles
{
    /// <summary>A gym member.</summary>
    public const string Member = "member";

    /// <summary>A personal trainer working at the location.</summary>
    public const string Trainer = "trainer";

    /// <summary>Front-desk and operations staff.</summary>
    public const string Staff = "staff";

    /// <summary>The location's (or, on a franchise access, the franchise's) administrator.</summary>
    public const string Admin = "admin";

    /// <summary>The platform role (not a access role).</summary>
    public const string SuperAdmin = "superadmin";

    /// <summary>Roles that can be granted at a location, lowest first.</summary>
    public static readonly IReadOnlyList<string> Location = [Member, Trainer, Staff, Admin];
}
