using Derrimut.Architecture.Tests.Rules;

namespace Derrimut.Architecture.Tests.RuleChecks;

public sealed class PermissionNameRuleShould
{
    [Theory]
    [InlineData("manage:organization")]
    [InlineData("manage:own_bookings")]
    [InlineData("manage:all_organizations")]
    [InlineData("view:reports")]
    public void AcceptVerbColonObjectInLowercaseSnakeCase(string name)
    {
        ArchitectureRules.PermissionNameViolations([name]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Manage:organization")]
    [InlineData("manage:Organization")]
    [InlineData("manage:own-bookings")]
    [InlineData("manage.organization")]
    [InlineData("manage_organization")]
    [InlineData("manage:")]
    [InlineData(":organization")]
    [InlineData("manage:organization:all")]
    [InlineData("manage_all:organizations")]
    [InlineData("manage:organization2")]
    [InlineData("manage: organization")]
    [InlineData("manage:organization\n")]
    [InlineData("")]
    public void ReportAnyOtherShape(string name)
    {
        ArchitectureRules.PermissionNameViolations(["view:reports", name]).ShouldHaveSingleItem().ShouldContain("not verb:object");
    }
}
