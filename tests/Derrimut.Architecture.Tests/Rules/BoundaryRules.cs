namespace Derrimut.Architecture.Tests.Rules;

/// <summary>A type a module's code refers to in another assembly, as its metadata names it.</summary>
/// <param name="Assembly">The assembly the type lives in, e.g. <c>Derrimut.Identity</c>.</param>
/// <param name="FullName">The type's full name, nested types with <c>+</c>.</param>
internal sealed record TypeUse(string Assembly, string FullName);

/// <summary>A (module, entity) pair a rule lets through for now, with the reason it is allowed.</summary>
/// <param name="Module">The module using another module's entity.</param>
/// <param name="Entity">The entity's full name.</param>
internal sealed record EntityUseAllowance(string Module, string Entity);

/// <summary>
/// The module-boundary rules as pure functions of data (which types a module refers to, which entities each module
/// maps, which permissions each declares and uses), so each can be shown to fail on synthetic input.
/// </summary>
internal static class BoundaryRules
{
    /// <summary>
    /// Uses of another module's EF entity types. An entity belongs to the module whose assembly defines its CLR type;
    /// <paramref name="entitiesByAssembly"/> maps each module assembly to the full names of the entity types it defines
    /// (from the composed model). Reading another module's data goes through its contracts (e.g. Identity's
    /// <c>IPeopleReadModel</c>), never its entities, so a module can change its tables without breaking others.
    /// </summary>
    public static IReadOnlyList<string> ForeignEntityUses(
        string moduleAssembly, IEnumerable<TypeUse> uses, IReadOnlyDictionary<string, IReadOnlySet<string>> entitiesByAssembly) =>
    [
        .. uses
            .Where(u => u.Assembly != moduleAssembly
                && entitiesByAssembly.TryGetValue(u.Assembly, out var entities)
                && entities.Contains(u.FullName))
            .Select(u => $"{moduleAssembly} uses {u.FullName}, an entity of {u.Assembly}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// Permissions a module uses (in its policies, page attributes, menu entries and page calls) that are declared by
    /// a module at its own layer or above — or by no module at all. A permission belongs to the module that guards
    /// with it; a module may also use a lower module's (e.g. Identity's <c>view:clients</c>), never a higher one's.
    /// </summary>
    /// <param name="order">The documented module order.</param>
    /// <param name="module">The module whose uses are checked.</param>
    /// <param name="used">The permission names the module uses.</param>
    /// <param name="declaredBy">Each declared permission's declaring module.</param>
    public static IReadOnlyList<string> PermissionsFromAbove(
        ModuleOrder order, string module, IEnumerable<string> used, IReadOnlyDictionary<string, string> declaredBy)
    {
        var layer = order.LayerOf(module);
        var violations = new List<string>();
        foreach (var permission in used.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!declaredBy.TryGetValue(permission, out var owner))
            {
                violations.Add($"{module} uses '{permission}', which no module declares");
            }
            else if (owner != module && (layer is null || order.LayerOf(owner) is not { } ownerLayer || ownerLayer >= layer))
            {
                violations.Add($"{module} uses '{permission}', declared by {owner}, which is not below it");
            }
        }

        return violations;
    }

    /// <summary>The violations an allowance set does not excuse, and the allowances that excuse nothing any more.</summary>
    public static (IReadOnlyList<string> Unexcused, IReadOnlyList<EntityUseAllowance> Stale) ApplyAllowances(
        IReadOnlyList<string> violations, IReadOnlyCollection<EntityUseAllowance> allowances)
    {
        bool Excuses(EntityUseAllowance a, string v) =>
            v.StartsWith($"{ArchitectureRules.Prefix}{a.Module} uses {a.Entity},", StringComparison.Ordinal);

        return (
            [.. violations.Where(v => !allowances.Any(a => Excuses(a, v)))],
            [.. allowances.Where(a => !violations.Any(v => Excuses(a, v)))]);
    }
}
