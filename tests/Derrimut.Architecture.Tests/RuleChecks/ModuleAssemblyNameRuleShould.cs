using Derrimut.Architecture.Tests.Rules;

namespace Derrimut.Architecture.Tests.RuleChecks;

public sealed class ModuleAssemblyNameRuleShould
{
    [Theory]
    [InlineData("Derrimut.Organizations", "Organizations")]
    [InlineData("Derrimut.AiPlans", "AiPlans")]
    public void ReadTheModuleNameFromItsAssembly(string assembly, string module)
    {
        ArchitectureRules.IsModuleAssemblyName(assembly).ShouldBeTrue();
        ArchitectureRules.ModuleNameOf(assembly).ShouldBe(module);
    }

    [Theory]
    [InlineData("Derrimut.BuildingBlocks")]
    [InlineData("Derrimut.Hosting")]
    [InlineData("Derrimut.Web")]
    [InlineData("Derrimut.DbMigrator")]
    [InlineData("Derrimut.Migrations.Sqlite")]
    [InlineData("Derrimut.Migrations.SqlServer")]
    [InlineData("Derrimut.Payroll.Tests")]
    [InlineData("Derrimut.Architecture.Tests")]
    [InlineData("Derrimut.E2E")]
    [InlineData("Derrimut.Benchmarks")]
    [InlineData("Derrimut.")]
    [InlineData("System.Runtime")]
    public void NotTakeTheKernelHostsMigrationsOrTestsForModules(string assembly)
    {
        ArchitectureRules.IsModuleAssemblyName(assembly).ShouldBeFalse();
    }
}
