using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;

namespace Derrimut.Identity.Authentication;

/// <summary>
/// Turns roles into permissions at one gym: each module's declared defaults, location admins holding every
/// tenant permission, and the gym's own grant changes on top. Platform permissions only ever go to superadmins.
/// </summary>
internal sealed class GrantCalculator(ModuleCatalog modules)
{
    /// <summary>Admins can never take this from themselves: someone must be able to undo a bad change.</summary>
    public const string Inalienable = IdentityPermissions.ManageOrganizationUsers;

    public IReadOnlyCollection<PermissionDefinition> TenantPermissions { get; } =
        modules.Permissions.All.Where(p => p.Scope == PermissionScope.Tenant).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    /// <summary>What platform-site tokens may carry: superadmin tools' and platform integration clients' (decision 0061).</summary>
    public IReadOnlyCollection<PermissionDefinition> PlatformPermissions { get; } =
        modules.Permissions.All.Where(p => p.Scope == PermissionScope.Platform).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();

    public IReadOnlySet<string> AllPermissions { get; } = modules.Permissions.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    public static bool DefaultHolds(string role, PermissionDefinition permission) =>
        permission.Scope == PermissionScope.Tenant && (role == IdentityRoles.Admin || permission.DefaultRoles.Contains(role));

    public IReadOnlySet<string> Effective(IEnumerable<string> roles, IReadOnlyCollection<PermissionGrant> changes)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            foreach (var permission in TenantPermissions)
            {
                var change = changes.FirstOrDefault(c => c.Role == role && c.Permission == permission.Name);
                var holds = change?.IsGranted ?? DefaultHolds(role, permission);
                if (role == IdentityRoles.Admin && permission.Name == Inalienable)
                {
                    holds = true;
                }

                if (holds)
                {
                    result.Add(permission.Name);
                }
            }
        }

        return result;
    }
}
