namespace Derrimut.Identity.Contracts;

/// <summary>The permissions of the original design that belong to people and organisations.</summary>
public static class IdentityPermissions
{
    /// <summary>Platform: see and manage every user.</summary>
    public const string ManageAllUsers = "manage:all_users";

    /// <summary>Platform: every report across tenants.</summary>
    public const string ViewAllReports = "view:all_reports";

    /// <summary>Platform: system settings.</summary>
    public const string ManageSystemSettings = "manage:system_settings";

    /// <summary>Invite staff, assign roles, deactivate people, adjust grants and integration clients at this gym.</summary>
    public const string ManageOrganizationUsers = "manage:organization_users";

    /// <summary>This gym's reports.</summary>
    public const string ViewOrganizationReports = "view:organization_reports";

    /// <summary>Manage the gym's trainers.</summary>
    public const string ManageTrainers = "manage:trainers";

    /// <summary>A trainer's own schedule.</summary>
    public const string ViewOwnSchedule = "view:own_schedule";

    /// <summary>A trainer's own availability.</summary>
    public const string ManageOwnAvailability = "manage:own_availability";

    /// <summary>A trainer's own earnings.</summary>
    public const string ViewOwnEarnings = "view:own_earnings";

    /// <summary>A trainer's clients.</summary>
    public const string ViewClients = "view:clients";

    /// <summary>One's own profile.</summary>
    public const string ViewOwnProfile = "view:own_profile";

    /// <summary>One's own bookings.</summary>
    public const string ManageOwnBookings = "manage:own_bookings";

    /// <summary>One's own shop orders.</summary>
    public const string ViewOwnOrders = "view:own_orders";
}
