using Derrimut.Architecture.Tests.Rules;

namespace Derrimut.Architecture.Tests;

public sealed class BoundariesShould
{
    /// <summary>
    /// Known uses of another module's entity that are being moved to its contracts, while a move spans several
    /// branches. Empty: Memberships and AiPlans read people through Identity's <c>IPeopleReadModel</c> now. An entry that
    /// no longer excuses anything fails <see cref="UseNoOtherModulesEntityTypes"/>, so none can linger.
    /// </summary>
    private static readonly EntityUseAllowance[] BeingMovedToContracts = [];

    [Fact]
    public void UseNoOtherModulesEntityTypes()
    {
        var entities = ModuleMetadata.EntitiesByAssembly(ModuleAssemblies.AllModules())
            .Where(e => ArchitectureRules.IsModuleAssemblyName(e.Key))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        // Vacuous if the model lost its module entities: Identity's user and Organizations' organisation are there.
        entities.Keys.ShouldContain("Derrimut.Identity");
        entities.Keys.ShouldContain("Derrimut.Organizations");

        var violations = ModuleAssemblies.All
            .SelectMany(a => BoundaryRules.ForeignEntityUses(ModuleAssemblies.NameOf(a), ModuleMetadata.TypeReferences(a), entities))
            .ToList();
        var (unexcused, stale) = BoundaryRules.ApplyAllowances(violations, BeingMovedToContracts);

        unexcused.ShouldBeEmpty("Read another module's data through its Contracts (e.g. Identity's IPeopleReadModel), never its entities.");
        stale.ShouldBeEmpty("These modules no longer use the entity: remove them from the allowance.");
    }

    [Fact]
    public void UseOnlyPermissionsTheirOwnOrALowerModuleDeclares()
    {
        var modules = ModuleAssemblies.AllModules();
        var owners = ModuleMetadata.PermissionOwners(modules);
        var names = owners.Keys.ToHashSet(StringComparer.Ordinal);
        var uses = ModuleAssemblies.All.ToDictionary(
            a => ArchitectureRules.ModuleNameOf(ModuleAssemblies.NameOf(a))!,
            a => ModuleMetadata.PermissionUses(a, names));
        // Vacuous if nothing is found: Identity's pages and API guard with manage:organization_users.
        uses["Identity"].ShouldContain("manage:organization_users");

        var violations = uses.SelectMany(u => BoundaryRules.PermissionsFromAbove(ModuleOrder.Documented, u.Key, u.Value, owners)).ToList();

        violations.ShouldBeEmpty("Each module declares the permissions it guards with; it may use a lower module's, never a higher one's.");
    }
}
