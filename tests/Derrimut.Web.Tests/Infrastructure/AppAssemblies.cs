using System.Reflection;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>The app's own assemblies (kernel, modules, web host) loaded in this test process, for tests that scan them.</summary>
internal static class AppAssemblies
{
    /// <summary>Every loaded <c>Derrimut.*</c> assembly but the tests'; call it once a fixture's app has started.</summary>
    public static Assembly[] Loaded()
    {
        var assemblies = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } name && name.StartsWith("Derrimut.", StringComparison.Ordinal) && !name.Contains("Tests", StringComparison.Ordinal))
            .ToArray();
        assemblies.Select(a => a.GetName().Name).ShouldContain("Derrimut.Memberships", "the modules are loaded by the running app");
        assemblies.Select(a => a.GetName().Name).ShouldContain("Derrimut.Organizations", "the modules are loaded by the running app");
        return assemblies;
    }
}
