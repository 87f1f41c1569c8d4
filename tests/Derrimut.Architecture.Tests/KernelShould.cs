using Derrimut.Architecture.Tests.Rules;

namespace Derrimut.Architecture.Tests;

public sealed class KernelShould
{
    [Fact]
    public void ReferenceNoModuleOrHost()
    {
        var kernel = ModuleAssemblies.KernelAssembly;
        ModuleAssemblies.NameOf(kernel).ShouldBe(ArchitectureRules.Kernel);

        var violations = ArchitectureRules.KernelReferenceViolations(kernel.GetReferencedAssemblies().Select(r => r.Name!));

        violations.ShouldBeEmpty("The kernel knows no module: move the dependency into the module, or an abstraction into the kernel.");
    }
}

public sealed class KernelUiShould
{
    [Fact]
    public void BuildOnTheKernelAlone()
    {
        var ui = typeof(Derrimut.BuildingBlocks.Ui.UiAction).Assembly;
        ModuleAssemblies.NameOf(ui).ShouldBe(ArchitectureRules.KernelUi);

        var references = ui.GetReferencedAssemblies().Select(r => r.Name!).Where(r => r != ArchitectureRules.Kernel);

        ArchitectureRules.KernelReferenceViolations(references).ShouldBeEmpty("The kernel's UI knows no module and no host.");
    }
}
