using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Hosting;

namespace Derrimut.Architecture.Tests.Rules;

/// <summary>
/// The module assemblies under test: those of the host's module list, plus every <c>Derrimut.&lt;Name&gt;</c>
/// module assembly in the output folder (modules that exist but are not hosted yet).
/// </summary>
internal static class ModuleAssemblies
{
    private static readonly Lazy<IReadOnlyList<Assembly>> Discovered = new(Discover);

    public static IReadOnlyList<Assembly> All => Discovered.Value;

    public static Assembly KernelAssembly => typeof(DerrimutModule).Assembly;

    public static string NameOf(Assembly assembly) => assembly.GetName().Name!;

    /// <summary>Every module, hosted or not: the host's instances, then one instance of each unhosted module class.</summary>
    public static IReadOnlyList<DerrimutModule> AllModules()
    {
        var hosted = DerrimutModules.Create();
        var hostedTypes = hosted.Select(m => m.GetType()).ToHashSet();
        var unhosted = All
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsSubclassOf(typeof(DerrimutModule)) && !t.IsAbstract && !hostedTypes.Contains(t))
            .Select(t => (DerrimutModule)Activator.CreateInstance(t)!);
        return [.. hosted, .. unhosted];
    }

    private static IReadOnlyList<Assembly> Discover()
    {
        var hosted = DerrimutModules.Create().Select(m => m.GetType().Assembly);
        var inOutput = Directory
            .EnumerateFiles(AppContext.BaseDirectory, ArchitectureRules.Prefix + "*.dll")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Where(ArchitectureRules.IsModuleAssemblyName)
            .Select(name => Assembly.Load(new AssemblyName(name)));
        return [.. hosted.Concat(inOutput).Distinct().OrderBy(NameOf, StringComparer.Ordinal)];
    }
}
