using Derrimut.Architecture.Tests.Rules;
using Derrimut.BuildingBlocks.Authorization;

namespace Derrimut.Architecture.Tests;

public sealed class PermissionsShould
{
    [Fact]
    public void BeNamedVerbColonObjectInLowercaseSnakeCase()
    {
        var names = new List<string>();
        foreach (var module in ModuleAssemblies.AllModules())
        {
            var context = new PermissionDefinitionContext();
            module.DefinePermissions(context);
            names.AddRange(context.All.Select(p => p.Name));
        }

        names.ShouldNotBeEmpty();
        ArchitectureRules.PermissionNameViolations(names).ShouldBeEmpty();
    }
}
