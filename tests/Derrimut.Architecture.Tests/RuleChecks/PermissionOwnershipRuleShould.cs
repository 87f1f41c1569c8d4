using Derrimut.Architecture.Tests.Rules;

namespace Derrimut.Architecture.Tests.RuleChecks;

public sealed class PermissionOwnershipRuleShould
{
    private static readonly Dictionary<string, string> Owners = new(StringComparer.Ordinal)
    {
        ["manage:organization_users"] = "Identity",
        ["view:clients"] = "Identity",
        ["manage:memberships"] = "Memberships",
        ["manage:payroll"] = "Payroll",
        ["manage:plans"] = "AiPlans",
    };

    [Fact]
    public void AcceptOwnAndLowerModulesPermissions()
    {
        BoundaryRules.PermissionsFromAbove(ModuleOrder.Documented, "AiPlans", ["manage:plans", "view:clients", "view:clients"], Owners).ShouldBeEmpty();
        BoundaryRules.PermissionsFromAbove(ModuleOrder.Documented, "Identity", ["manage:organization_users"], Owners).ShouldBeEmpty();
    }

    [Fact]
    public void ReportAPermissionOfAHigherModule()
    {
        BoundaryRules.PermissionsFromAbove(ModuleOrder.Documented, "Identity", ["manage:organization_users", "manage:memberships"], Owners)
            .ShouldBe(["Identity uses 'manage:memberships', declared by Memberships, which is not below it"]);
    }

    [Fact]
    public void ReportAPermissionOfAPeerModule()
    {
        BoundaryRules.PermissionsFromAbove(ModuleOrder.Documented, "Payroll", ["manage:plans"], Owners)
            .ShouldBe(["Payroll uses 'manage:plans', declared by AiPlans, which is not below it"]);
    }

    [Fact]
    public void ReportAPermissionNoModuleDeclares()
    {
        BoundaryRules.PermissionsFromAbove(ModuleOrder.Documented, "Billing", ["manage:own_bookings"], Owners)
            .ShouldBe(["Billing uses 'manage:own_bookings', which no module declares"]);
    }
}
