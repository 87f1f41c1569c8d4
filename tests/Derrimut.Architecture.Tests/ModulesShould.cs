using Derrimut.Architecture.Tests.Rules;
using Derrimut.Hosting;

namespace Derrimut.Architecture.Tests;

public sealed class ModulesShould
{
    [Fact]
    public void BeDiscoveredFromTheHostAndTheOutputFolder()
    {
        var discovered = ModuleAssemblies.All.Select(ModuleAssemblies.NameOf).ToList();

        // Hosted modules, and modules referenced by this project but not hosted yet: if either is missing the
        // other rules would pass vacuously.
        discovered.ShouldContain("Derrimut.Organizations");
        discovered.ShouldContain("Derrimut.Payroll");
        discovered.ShouldContain("Derrimut.AiPlans");
        DerrimutModules.Create().Select(m => ModuleAssemblies.NameOf(m.GetType().Assembly)).ShouldBeSubsetOf(discovered);
        discovered.ShouldNotContain(ArchitectureRules.Kernel);
        discovered.ShouldNotContain(n => n.StartsWith("Derrimut.Migrations.", StringComparison.Ordinal) || n.EndsWith(".Tests", StringComparison.Ordinal));
    }

    [Fact]
    public void ExposeNothingButContractsAndTheirModuleClass()
    {
        var violations = ModuleAssemblies.All
            .SelectMany(a => ArchitectureRules.PublicTypesOutsideContracts(ModuleAssemblies.NameOf(a), a.GetExportedTypes()))
            .ToList();

        violations.ShouldBeEmpty("Make these internal, or move them to the module's Contracts namespace if other modules need them.");
    }

    [Fact]
    public void EachHaveAPlaceInTheDocumentedOrder()
    {
        var missing = ModuleAssemblies.All
            .Select(a => ArchitectureRules.ModuleNameOf(ModuleAssemblies.NameOf(a))!)
            .Where(name => !ModuleOrder.Documented.Contains(name))
            .ToList();

        missing.ShouldBeEmpty("Every module must have a layer in ARCHITECTURE.md §3 and in ModuleOrder.Documented.");
    }

    [Fact]
    public void ReferenceOnlyLowerModules()
    {
        var violations = ModuleAssemblies.All
            .SelectMany(a => ArchitectureRules.ModuleReferenceViolations(
                ModuleOrder.Documented,
                ArchitectureRules.ModuleNameOf(ModuleAssemblies.NameOf(a))!,
                a.GetReferencedAssemblies().Select(r => r.Name!)))
            .ToList();

        violations.ShouldBeEmpty("Dependencies point down; a lower module publishes an integration event that higher modules handle.");
    }

    [Fact]
    public void ReferenceOnlyTheKernelAmongPlatformAssemblies()
    {
        var violations = ModuleAssemblies.All
            .SelectMany(a => ArchitectureRules.ForeignReferenceViolations(
                ModuleOrder.Documented,
                ArchitectureRules.ModuleNameOf(ModuleAssemblies.NameOf(a))!,
                a.GetReferencedAssemblies().Select(r => r.Name!)))
            .ToList();

        violations.ShouldBeEmpty("A module builds on Derrimut.BuildingBlocks and lower modules only; the host composes modules, not the reverse.");
    }
}
