using Derrimut.BuildingBlocks.Modularity;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// A model EF Core's generator precompiled (<c>etc/compiled-models.sh</c>) for one provider and one list of modules.
/// A node loads it instead of building the model from the modules at start; a host whose modules differ (a test
/// host with probe modules) builds its own. Decision 0088.
/// </summary>
/// <param name="Provider">The provider it was generated for (each maps tables and types its own way).</param>
/// <param name="Modules">The names of the modules it was generated from, in order.</param>
/// <param name="Load">Loads it: the first call runs the generated code, which builds the model once per process.</param>
public sealed record PrecompiledModel(DatabaseProvider Provider, IReadOnlyList<string> Modules, Func<IModel> Load)
{
    /// <summary>The precompiled model for this provider and exactly these modules, if there is one.</summary>
    public static PrecompiledModel? Find(IEnumerable<PrecompiledModel>? models, DatabaseProvider provider, IReadOnlyList<DerrimutModule> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        return models?.FirstOrDefault(m => m.Provider == provider && m.Modules.SequenceEqual(modules.Select(x => x.Name), StringComparer.Ordinal));
    }
}
