using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Modularity;

namespace Derrimut.Kernel.Tests.Authorization;

public sealed class ClaimsPermissionCheckerShould
{
    private const string ManageBookings = "manage:bookings";

    private const string ManagePayroll = "manage:payroll";

    private readonly ClaimsPermissionChecker _checker = new(new ModuleCatalog([new PayModule()]));
    private readonly TenantInfo _stAlbans = Tenants.Location("st-albans");
    private readonly TenantInfo _sunshine = Tenants.Location("sunshine");

    [Fact]
    public async Task GrantASuperadminEverythingAtATenant()
    {
        var superadmin = Principal(new Claim(ClaimTypes.Role, DerrimutClaims.SuperAdminRole));

        (await _checker.IsGrantedAsync(superadmin, ManageBookings, _stAlbans, TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task GrantASuperadminEverythingOnThePlatform()
    {
        var superadmin = Principal(new Claim(ClaimTypes.Role, DerrimutClaims.SuperAdminRole));

        (await _checker.IsGrantedAsync(superadmin, "manage:all_organizations", null, TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task WithholdAPowerfulPermissionFromAPersonWithoutTwoFactorButNotAnOrdinaryOne()
    {
        var admin = StaffAt(_stAlbans, ManageBookings, ManagePayroll);
        var withoutTwoFactor = new ClaimsPrincipal(new ClaimsIdentity(
            admin.Claims.Append(new Claim(DerrimutClaims.SecondFactorMissing, "1")), "test"));
        var ct = TestContext.Current.CancellationToken;

        (await _checker.IsGrantedAsync(admin, ManagePayroll, _stAlbans, ct)).ShouldBeTrue();
        (await _checker.IsGrantedAsync(withoutTwoFactor, ManagePayroll, _stAlbans, ct)).ShouldBeFalse();
        (await _checker.IsGrantedAsync(withoutTwoFactor, ManageBookings, _stAlbans, ct)).ShouldBeTrue("not marked as needing 2FA");
    }

    [Fact]
    public async Task WithholdEverythingFromASuperadminWithoutTwoFactor()
    {
        var superadmin = Principal(new Claim(ClaimTypes.Role, DerrimutClaims.SuperAdminRole), new Claim(DerrimutClaims.SecondFactorMissing, "1"));

        (await _checker.IsGrantedAsync(superadmin, ManageBookings, _stAlbans, TestContext.Current.CancellationToken)).ShouldBeFalse();
        TwoFactorRule.BlocksSuperAdmin(superadmin).ShouldBeTrue();
    }

    [Fact]
    public async Task GrantAPermissionIssuedForTheResolvedTenant()
    {
        var staff = StaffAt(_stAlbans, ManageBookings);

        (await _checker.IsGrantedAsync(staff, ManageBookings, _stAlbans, TestContext.Current.CancellationToken)).ShouldBeTrue();
    }

    [Fact]
    public async Task DenyAPermissionIssuedForAnotherTenant()
    {
        var staff = StaffAt(_stAlbans, ManageBookings);

        (await _checker.IsGrantedAsync(staff, ManageBookings, _sunshine, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task DenyAPermissionNotHeldAtTheResolvedTenant()
    {
        var staff = StaffAt(_stAlbans, "view:bookings");

        (await _checker.IsGrantedAsync(staff, ManageBookings, _stAlbans, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task DenyATenantPermissionOnThePlatform()
    {
        var staff = StaffAt(_stAlbans, ManageBookings);

        (await _checker.IsGrantedAsync(staff, ManageBookings, null, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task DenyAPermissionClaimWithoutATenantClaim()
    {
        var user = Principal(new Claim(DerrimutClaims.Permission, ManageBookings));

        (await _checker.IsGrantedAsync(user, ManageBookings, _stAlbans, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task DenyATenantClaimThatIsTheIdentifierRatherThanTheId()
    {
        // The claim carries the stable id: an identifier can be renamed and then given to another gym.
        var user = Principal(new Claim(DerrimutClaims.Tenant, _stAlbans.Identifier), new Claim(DerrimutClaims.Permission, ManageBookings));

        (await _checker.IsGrantedAsync(user, ManageBookings, _stAlbans, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task DenyASuperadminRoleNameCarriedAsAPermission()
    {
        var user = StaffAt(_stAlbans, DerrimutClaims.SuperAdminRole);

        (await _checker.IsGrantedAsync(user, ManageBookings, _stAlbans, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    private static ClaimsPrincipal StaffAt(TenantInfo tenant, params string[] permissions) =>
        Principal([new Claim(DerrimutClaims.Tenant, tenant.Id.ToString()), .. permissions.Select(p => new Claim(DerrimutClaims.Permission, p))]);

    private static ClaimsPrincipal Principal(params Claim[] claims) => new(new ClaimsIdentity(claims, authenticationType: "test"));

    private sealed class PayModule : DerrimutModule
    {
        public override string Name => "Pay";

        public override void DefinePermissions(PermissionDefinitionContext context) => context
            .Add(ManageBookings, "Bookings.")
            .Add(ManagePayroll, "Payroll.")
            .RequireTwoFactor(ManagePayroll);
    }
}
