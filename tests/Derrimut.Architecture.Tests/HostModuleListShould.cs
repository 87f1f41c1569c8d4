using Derrimut.Architecture.Tests.Rules;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Hosting;

namespace Derrimut.Architecture.Tests;

public sealed class HostModuleListShould
{
    [Fact]
    public void FormAValidCatalog()
    {
        var modules = DerrimutModules.Create();
        ModuleCatalog? catalog = null;

        var failure = Record.Exception(() => catalog = new ModuleCatalog(modules));

        failure.ShouldBeNull();
        catalog.ShouldNotBeNull().Modules.ShouldNotBeEmpty();
    }

    [Fact]
    public void GiveEveryModuleAUniqueName()
    {
        ArchitectureRules.DuplicateNames(ModuleAssemblies.AllModules().Select(m => m.Name)).ShouldBeEmpty();
    }

    [Fact]
    public void NameEveryModuleAfterItsAssembly()
    {
        var modules = ModuleAssemblies.AllModules().Select(m => (ModuleAssemblies.NameOf(m.GetType().Assembly), m.Name));

        ArchitectureRules.ModuleNameMismatches(modules).ShouldBeEmpty("A module's Name is its schema and route prefix: Derrimut.<Name>.");
    }

    [Fact]
    public void ListLowerModulesFirst()
    {
        var listed = DerrimutModules.Create().Select(m => m.Name).ToList();

        ArchitectureRules.ListingOrderViolations(ModuleOrder.Documented, listed).ShouldBeEmpty();
    }
}
