using Derrimut.Architecture.Tests.Rules;

namespace Derrimut.Architecture.Tests.RuleChecks;

public sealed class KernelReferenceRuleShould
{
    [Fact]
    public void AcceptFrameworkAndPackageReferences()
    {
        ArchitectureRules.KernelReferenceViolations(["System.Runtime", "Microsoft.AspNetCore.Http", "Npgsql", "StackExchange.Redis"]).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Derrimut.Organizations")]
    [InlineData("Derrimut.Payroll")]
    [InlineData("Derrimut.Hosting")]
    public void ReportAReferenceToAModuleOrHost(string reference)
    {
        ArchitectureRules.KernelReferenceViolations(["System.Runtime", reference]).ShouldBe([$"Derrimut.BuildingBlocks references {reference}"]);
    }
}
