using Derrimut.BuildingBlocks.Modularity;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// A model EF Core's generator precompiled (<c>etc/compiled-models.sh</c>) for one context and one provider: the
/// modules' <see cref="DerrimutDbContext"/> for one list of modules (decision 0088), or the key ring's
/// <see cref="DataProtectionKeysContext"/>, which no module shapes (decision 0089). A node loads it instead of building
/// the model by EF Core's conventions at start; a host whose modules differ (a test host with probe modules) builds its
/// own.
/// </summary>
/// <param name="Context">The context it was generated for.</param>
/// <param name="Provider">The provider it was generated for (each maps tables and types its own way).</param>
/// <param name="Modules">The names of the modules it was generated from, in order (empty for the key ring's).</param>
/// <param name="Load">Loads it: the first call runs the generated code, which builds the model once per process.</param>
public sealed record PrecompiledModel(Type Context, DatabaseProvider Provider, IReadOnlyList<string> Modules, Func<IModel> Load)
{
    /// <summary>The modules' precompiled model for this provider and exactly these modules, if there is one.</summary>
    public static PrecompiledModel? Find(IEnumerable<PrecompiledModel>? models, DatabaseProvider provider, IReadOnlyList<DerrimutModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        return models?.FirstOrDefault(m => m.Context == typeof(DerrimutDbContext) && m.Provider == provider
            && m.Modules.SequenceEqual(modules.Select(x => x.Name), StringComparer.Ordinal));
    }

    /// <summary>The key ring's precompiled model for this provider, if there is one.</summary>
    public static PrecompiledModel? FindKeyRing(IEnumerable<PrecompiledModel>? models, DatabaseProvider provider) =>
        models?.FirstOrDefault(m => m.Context == typeof(DataProtectionKeysContext) && m.Provider == provider);
}
