namespace Derrimut.Organizations.Contracts;

/// <summary>Permissions declared by the Organizations module (names from the original design).</summary>
public static class OrganizationsPermissions
{
    /// <summary>Create, change, suspend and activate any franchise or location (platform superadmins).</summary>
    public const string ManageAllOrganizations = "manage:all_organizations";

    /// <summary>Edit the current location's or franchise's profile (hours, amenities, contact details).</summary>
    public const string ManageOrganization = "manage:organization";
}
