using Derrimut.Architecture.Tests.Rules;

namespace Derrimut.Architecture.Tests.RuleChecks;

public sealed class ModuleReferenceRuleShould
{
    private static readonly ModuleOrder Order = ModuleOrder.Documented;

    [Fact]
    public void AcceptReferencesToLowerModulesTheKernelAndTheFramework()
    {
        string[] references = ["System.Runtime", "Derrimut.BuildingBlocks", "Derrimut.Organizations", "Derrimut.Bookings", "Derrimut.Payroll", "Derrimut.AiPlans"];

        ArchitectureRules.ModuleReferenceViolations(Order, "Reporting", references).ShouldBeEmpty();
    }

    [Fact]
    public void ReportAReferenceToAHigherModule()
    {
        ArchitectureRules.ModuleReferenceViolations(Order, "Organizations", ["Derrimut.BuildingBlocks", "Derrimut.Bookings"])
            .ShouldBe(["Derrimut.Organizations references Derrimut.Bookings, a higher module"]);
    }

    [Theory]
    [InlineData("Payroll", "Derrimut.AiPlans")]
    [InlineData("AiPlans", "Derrimut.Marketplace")]
    [InlineData("Marketplace", "Derrimut.Payroll")]
    public void ReportAReferenceToAPeerModule(string module, string peer)
    {
        ArchitectureRules.ModuleReferenceViolations(Order, module, [peer])
            .ShouldBe([$"Derrimut.{module} references {peer}, a peer module"]);
    }

    [Fact]
    public void ReportAModuleMissingFromTheOrder()
    {
        ArchitectureRules.ModuleReferenceViolations(Order, "Lockers", ["Derrimut.BuildingBlocks"])
            .ShouldHaveSingleItem().ShouldContain("not in the documented module order");
    }

    [Fact]
    public void FollowTheDocumentedLayers()
    {
        string[] chain = ["Organizations", "Identity", "Billing", "Memberships", "Bookings"];
        for (var i = 1; i < chain.Length; i++)
        {
            Order.LayerOf(chain[i]).ShouldBe(Order.LayerOf(chain[i - 1]) + 1);
        }

        Order.LayerOf("Marketplace").ShouldBe(Order.LayerOf("Bookings") + 1);
        Order.LayerOf("Payroll").ShouldBe(Order.LayerOf("Marketplace"));
        Order.LayerOf("AiPlans").ShouldBe(Order.LayerOf("Marketplace"));
        Order.LayerOf("Reporting").ShouldBe(Order.LayerOf("Marketplace") + 1);
        Order.Modules.Count().ShouldBe(9);
    }

    [Fact]
    public void RefuseAnOrderThatPutsAModuleInTwoLayers()
    {
        Should.Throw<ArgumentException>(() => new ModuleOrder(["Billing"], ["Billing"]));
    }
}
