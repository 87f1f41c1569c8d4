using System.Text.RegularExpressions;
using Derrimut.BuildingBlocks.Modularity;

namespace Derrimut.Architecture.Tests.Rules;

/// <summary>
/// The architecture rules as pure functions of data (types, assembly names), so each can be shown to fail on
/// synthetic input as well as to pass on the real assemblies. Each returns the violations, empty when the rule holds.
/// </summary>
internal static partial class ArchitectureRules
{
    public const string Prefix = "Derrimut.";
    public const string Kernel = "Derrimut.BuildingBlocks";

    /// <summary>The kernel's UI half (page base, UiAction, shared components): modules' pages build on it.</summary>
    public const string KernelUi = "Derrimut.BuildingBlocks.Ui";

    private static readonly HashSet<string> NonModuleAssemblies = new(StringComparer.Ordinal)
    {
        Kernel, "Derrimut.Hosting", "Derrimut.Web", "Derrimut.DbMigrator", "Derrimut.E2E", "Derrimut.Benchmarks",
    };

    /// <summary>
    /// Whether an assembly name is a module's (<c>Derrimut.&lt;Name&gt;</c>), as opposed to the kernel, a host, a
    /// migrations assembly or a test assembly.
    /// </summary>
    public static bool IsModuleAssemblyName(string assemblyName) =>
        ModuleNameOf(assemblyName) is not null && !NonModuleAssemblies.Contains(assemblyName);

    /// <summary><c>Derrimut.Payroll</c> → <c>Payroll</c>; null for names that are not one label under <c>Derrimut.</c>.</summary>
    public static string? ModuleNameOf(string assemblyName)
    {
        if (!assemblyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = assemblyName[Prefix.Length..];
        return name.Length > 0 && !name.Contains('.', StringComparison.Ordinal) ? name : null;
    }

    /// <summary>
    /// Public types of a module assembly outside its <c>&lt;assembly&gt;.Contracts</c> namespace (and sub-namespaces),
    /// allowing one <see cref="DerrimutModule"/> subclass: every other module type is internal.
    /// </summary>
    public static IReadOnlyList<string> PublicTypesOutsideContracts(string moduleAssemblyName, IEnumerable<Type> exportedTypes)
    {
        var contracts = moduleAssemblyName + ".Contracts";
        var violations = new List<string>();
        var moduleClasses = new List<Type>();
        foreach (var type in exportedTypes.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            var ns = type.Namespace ?? "";
            if (ns == contracts || ns.StartsWith(contracts + ".", StringComparison.Ordinal))
            {
                continue;
            }

            // Pages and components are public because the router only finds exported types; they are the module's UI,
            // reached by route, never by another module's code. Razor also emits its _Imports class as public.
            if (IsRazorComponent(type) || type.Name == "_Imports")
            {
                continue;
            }

            if (!type.IsNested && type.IsSubclassOf(typeof(DerrimutModule)))
            {
                moduleClasses.Add(type);
                continue;
            }

            violations.Add($"{type.FullName} is public outside {contracts}");
        }

        if (moduleClasses.Count > 1)
        {
            violations.Add($"{moduleAssemblyName} has {moduleClasses.Count} public DerrimutModule classes, one at most: "
                + string.Join(", ", moduleClasses.Select(t => t.FullName)));
        }

        return violations;
    }

    /// <summary>Whether a type is a Razor component (implements Blazor's <c>IComponent</c>).</summary>
    public static bool IsRazorComponent(Type type) =>
        type.GetInterfaces().Any(i => i.FullName == "Microsoft.AspNetCore.Components.IComponent");

    /// <summary>
    /// References from <paramref name="module"/> to modules at its own layer (peers) or above: dependencies point
    /// down, so these must not exist. A module missing from the order is itself a violation.
    /// </summary>
    public static IReadOnlyList<string> ModuleReferenceViolations(ModuleOrder order, string module, IEnumerable<string> referencedAssemblyNames)
    {
        if (order.LayerOf(module) is not { } layer)
        {
            return [$"{Prefix}{module} is not in the documented module order; add it to ModuleOrder.Documented and ARCHITECTURE.md"];
        }

        var violations = new List<string>();
        foreach (var reference in referencedAssemblyNames.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (ModuleNameOf(reference) is { } other && order.LayerOf(other) is { } otherLayer && otherLayer >= layer)
            {
                violations.Add($"{Prefix}{module} references {reference}, " + (otherLayer == layer ? "a peer module" : "a higher module"));
            }
        }

        return violations;
    }

    /// <summary>
    /// References to <c>Derrimut.*</c> assemblies that are neither the kernel nor a module of the order: hosts,
    /// the migrator, migrations assemblies, tests. A module builds on the kernel and lower modules only.
    /// </summary>
    public static IReadOnlyList<string> ForeignReferenceViolations(ModuleOrder order, string module, IEnumerable<string> referencedAssemblyNames) =>
    [
        .. referencedAssemblyNames
            .Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)
                && r != Kernel
                && r != KernelUi
                && !(ModuleNameOf(r) is { } other && order.Contains(other)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(r => $"{Prefix}{module} references {r}, which is not the kernel or a module"),
    ];

    /// <summary>
    /// The kernel's references to any other <c>Derrimut.*</c> assembly. The kernel knows no module (nor any host):
    /// it is the bottom of the graph.
    /// </summary>
    public static IReadOnlyList<string> KernelReferenceViolations(IEnumerable<string> referencedAssemblyNames) =>
    [
        .. referencedAssemblyNames
            .Where(r => r.StartsWith(Prefix, StringComparison.Ordinal) && r != Kernel)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(r => $"{Kernel} references {r}"),
    ];

    /// <summary>
    /// Names that occur more than once, ignoring case: a module name is its database schema and route prefix, and
    /// neither SQL Server schemas nor routes tell case apart.
    /// </summary>
    public static IReadOnlyList<string> DuplicateNames(IEnumerable<string> names) =>
    [
        .. names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"'{g.Key}' is used by {g.Count()} modules"),
    ];

    /// <summary>
    /// The host's list must go lower modules first: a module listed after a higher one, or one missing from the
    /// order, is a violation.
    /// </summary>
    public static IReadOnlyList<string> ListingOrderViolations(ModuleOrder order, IReadOnlyList<string> listedModules)
    {
        var violations = new List<string>();
        string? highest = null;
        foreach (var module in listedModules)
        {
            if (order.LayerOf(module) is not { } layer)
            {
                violations.Add($"'{module}' is not in the documented module order");
                continue;
            }

            if (highest is not null && layer < order.LayerOf(highest))
            {
                violations.Add($"'{module}' is listed after '{highest}', which is higher in the documented order");
                continue;
            }

            highest = module;
        }

        return violations;
    }

    /// <summary>Module classes whose <see cref="DerrimutModule.Name"/> is not their assembly's module name.</summary>
    public static IReadOnlyList<string> ModuleNameMismatches(IEnumerable<(string AssemblyName, string ModuleName)> modules) =>
    [
        .. modules
            .Where(m => ModuleNameOf(m.AssemblyName) != m.ModuleName)
            .Select(m => $"module '{m.ModuleName}' lives in {m.AssemblyName}"),
    ];

    /// <summary>Permission names that are not <c>verb:object</c> in lowercase snake case, e.g. <c>manage:own_bookings</c>.</summary>
    public static IReadOnlyList<string> PermissionNameViolations(IEnumerable<string> permissionNames) =>
    [
        .. permissionNames.Where(n => !PermissionName().IsMatch(n)).Select(n => $"'{n}' is not verb:object in lowercase snake case"),
    ];

    // \z rather than $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[a-z]+:[a-z_]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex PermissionName();
}
