using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Modularity;

namespace Derrimut.Web.Account;

/// <summary>
/// The guided setup on sign-in (decision 0059): someone whose access here includes powers that need two-factor
/// sign-in, and who has not turned it on, goes from the sign-in page straight to the setup page (and back where they
/// were going once it is on). Read through the same access rules as every request, so the answer is the kernel's.
/// </summary>
internal sealed class TwoFactorGuide(IPersonAccessReader access, ModuleCatalog modules)
{
    /// <summary>Where to send the person after signing in: the setup page, or null to carry on.</summary>
    public async Task<string?> SetupFirstAsync(Guid userId, string returnUrl, CancellationToken cancellationToken)
    {
        var here = await access.ReadAsync(userId, cancellationToken);
        if (here is null || !TwoFactorRule.IsMissing(here))
        {
            return null;
        }

        var powerful = TwoFactorRule.BlocksSuperAdmin(here)
            || here.FindAll(DerrimutClaims.Permission).Any(p => modules.Permissions.NeedsTwoFactor(p.Value));
        return powerful ? $"{TwoFactorRule.SetupPath}?required=1&returnUrl={Uri.EscapeDataString(returnUrl)}" : null;
    }
}
