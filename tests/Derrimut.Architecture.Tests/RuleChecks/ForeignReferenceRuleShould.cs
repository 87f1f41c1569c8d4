using Derrimut.Architecture.Tests.Rules;

namespace Derrimut.Architecture.Tests.RuleChecks;

public sealed class ForeignReferenceRuleShould
{
    [Fact]
    public void AcceptTheKernelModulesAndNonPlatformAssemblies()
    {
        string[] references = ["System.Runtime", "Microsoft.EntityFrameworkCore", "Derrimut.BuildingBlocks", "Derrimut.Organizations", "Derrimut.Identity"];

        ArchitectureRules.ForeignReferenceViolations(ModuleOrder.Documented, "Billing", references).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Derrimut.Web")]
    [InlineData("Derrimut.Hosting")]
    [InlineData("Derrimut.DbMigrator")]
    [InlineData("Derrimut.Migrations.Sqlite")]
    [InlineData("Derrimut.Migrations.PostgreSql")]
    [InlineData("Derrimut.Organizations.Tests")]
    [InlineData("Derrimut.Lockers")]
    public void ReportAReferenceToAnAssemblyThatIsNeitherKernelNorModule(string reference)
    {
        ArchitectureRules.ForeignReferenceViolations(ModuleOrder.Documented, "Billing", ["Derrimut.BuildingBlocks", reference])
            .ShouldBe([$"Derrimut.Billing references {reference}, which is not the kernel or a module"]);
    }
}
