namespace Derrimut.Memberships.Contracts;

/// <summary>Permissions the Memberships module declares.</summary>
public static class MembershipsPermissions
{
    /// <summary>See the location's memberships and any member's ledger (front desk).</summary>
    public const string ViewMemberships = "view:memberships";

    /// <summary>Change any membership at the location: cancel, refund (admins).</summary>
    public const string ManageMemberships = "manage:memberships";

    /// <summary>Create, change and retire the gym's membership plans and their prices (admins).</summary>
    public const string ManagePlans = "manage:membership_plans";

    /// <summary>Join, see, cancel and freeze one's own membership.</summary>
    public const string ManageOwnMembership = "manage:own_membership";
}
