using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Identity.Authentication;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;

namespace Derrimut.Identity.Tests;

public sealed class GrantCalculatorShould
{
    private const string BookClasses = "book:classes";
    private const string ManageTimetable = "manage:timetable";
    private const string ManageAllOrganizations = "manage:all_organizations";

    private readonly GrantCalculator _grants = new(new ModuleCatalog([new ClassesModule()]));

    [Fact]
    public void GiveEachRoleItsDefaultPermissions()
    {
        _grants.Effective([IdentityRoles.Member], []).ShouldBe([BookClasses], ignoreOrder: true);
        _grants.Effective([IdentityRoles.Trainer], []).ShouldBe([BookClasses, ManageTimetable], ignoreOrder: true);
    }

    [Fact]
    public void GiveAdminsEveryPermissionOfAGymButNoPlatformPermission()
    {
        var admin = _grants.Effective([IdentityRoles.Admin], []);

        admin.ShouldContain(BookClasses);
        admin.ShouldContain(ManageTimetable);
        admin.ShouldContain(IdentityPermissions.ManageOrganizationUsers);
        admin.ShouldNotContain(ManageAllOrganizations);
    }

    [Fact]
    public void LetAGymWithdrawADefaultAndGrantAnExtra()
    {
        PermissionGrant[] changes =
        [
            new() { Role = IdentityRoles.Trainer, Permission = ManageTimetable, IsGranted = false },
            new() { Role = IdentityRoles.Member, Permission = ManageTimetable, IsGranted = true },
        ];

        _grants.Effective([IdentityRoles.Trainer], changes).ShouldNotContain(ManageTimetable);
        _grants.Effective([IdentityRoles.Member], changes).ShouldContain(ManageTimetable);
    }

    [Fact]
    public void NeverLetAGymLockItsAdminsOutOfManagingPeople()
    {
        PermissionGrant[] changes = [new() { Role = IdentityRoles.Admin, Permission = IdentityPermissions.ManageOrganizationUsers, IsGranted = false }];

        _grants.Effective([IdentityRoles.Admin], changes).ShouldContain(IdentityPermissions.ManageOrganizationUsers);
    }

    [Fact]
    public void UniteThePermissionsOfEveryRoleAPersonHolds() =>
        _grants.Effective([IdentityRoles.Member, IdentityRoles.Trainer], []).ShouldBe([BookClasses, ManageTimetable], ignoreOrder: true);

    [Fact]
    public void GiveNothingToAPersonWithNoRoleHere() =>
        _grants.Effective([], []).ShouldBeEmpty();

    private sealed class ClassesModule : DerrimutModule
    {
        public override string Name => "Classes";

        public override void DefinePermissions(PermissionDefinitionContext context) => context
            .Add(IdentityPermissions.ManageOrganizationUsers, "Manage the gym's people.", PermissionScope.Tenant)
            .Add(BookClasses, "Book classes.", PermissionScope.Tenant, IdentityRoles.Member, IdentityRoles.Trainer)
            .Add(ManageTimetable, "Run the timetable.", PermissionScope.Tenant, IdentityRoles.Trainer)
            .Add(ManageAllOrganizations, "Run the platform.", PermissionScope.Platform);
    }
}
