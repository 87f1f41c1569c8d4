namespace Derrimut.Identity.Contracts;

/// <summary>
/// The permissions that belong to people and their access at a gym. Reports, bookings, availability, earnings and
/// shop orders belong to the modules above Identity that will guard them; each declares its own.
/// </summary>
public static class IdentityPermissions
{
    /// <summary>Platform: see and manage every user.</summary>
    public const string ManageAllUsers = "manage:all_users";

    /// <summary>Platform: system settings.</summary>
    public const string ManageSystemSettings = "manage:system_settings";

    /// <summary>Invite staff, assign roles, deactivate people, adjust grants and integration clients at this gym.</summary>
    public const string ManageOrganizationUsers = "manage:organization_users";

    /// <summary>Manage the gym's trainers.</summary>
    public const string ManageTrainers = "manage:trainers";

    /// <summary>A trainer's own schedule.</summary>
    public const string ViewOwnSchedule = "view:own_schedule";

    /// <summary>A trainer's clients.</summary>
    public const string ViewClients = "view:clients";

    /// <summary>One's own profile.</summary>
    public const string ViewOwnProfile = "view:own_profile";
}
