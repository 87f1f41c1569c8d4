using Derrimut.Architecture.Tests.Rules;

namespace Derrimut.Architecture.Tests.RuleChecks;

public sealed class ModuleListRuleShould
{
    [Fact]
    public void AcceptUniqueNames()
    {
        ArchitectureRules.DuplicateNames(["Organizations", "Identity", "Billing"]).ShouldBeEmpty();
    }

    [Fact]
    public void ReportANameUsedTwiceIgnoringCase()
    {
        ArchitectureRules.DuplicateNames(["Organizations", "Billing", "billing"]).ShouldBe(["'Billing' is used by 2 modules"]);
    }

    [Fact]
    public void AcceptLowerModulesFirstWithPeersInAnyOrder()
    {
        ArchitectureRules.ListingOrderViolations(ModuleOrder.Documented, ["Organizations", "Billing", "Bookings", "Payroll", "Marketplace", "Reporting"])
            .ShouldBeEmpty();
    }

    [Fact]
    public void ReportAModuleListedAfterAHigherOne()
    {
        ArchitectureRules.ListingOrderViolations(ModuleOrder.Documented, ["Organizations", "Bookings", "Billing"])
            .ShouldBe(["'Billing' is listed after 'Bookings', which is higher in the documented order"]);
    }

    [Fact]
    public void ReportAListedModuleMissingFromTheOrder()
    {
        ArchitectureRules.ListingOrderViolations(ModuleOrder.Documented, ["Organizations", "Lockers"])
            .ShouldBe(["'Lockers' is not in the documented module order"]);
    }

    [Fact]
    public void AcceptAModuleNamedAfterItsAssembly()
    {
        ArchitectureRules.ModuleNameMismatches([("Derrimut.Organizations", "Organizations")]).ShouldBeEmpty();
    }

    [Fact]
    public void ReportAModuleNamedOtherwiseThanItsAssembly()
    {
        ArchitectureRules.ModuleNameMismatches([("Derrimut.Organizations", "Organisations")])
            .ShouldBe(["module 'Organisations' lives in Derrimut.Organizations"]);
    }
}
