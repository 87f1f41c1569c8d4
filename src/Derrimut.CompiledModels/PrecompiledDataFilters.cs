using Derrimut.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace Derrimut.CompiledModels;

/// <summary>
/// Puts the data filters (tenant, soft delete) back into a precompiled model as it loads. EF Core's generator
/// refuses a model with query filters (dotnet/efcore#24897), so <c>etc/compiled-models.sh</c> generates it from a
/// model built without them, and each generated model calls this from its <c>Customize</c> hook. The filters are
/// the very expressions the model built at start gets (<see cref="DerrimutDbContext.DataFiltersFor"/>), stored
/// the way EF Core's own conversion to a runtime model stores them; <c>ModelShould</c> compares the two models,
/// filters included, on every provider. Decision 0088.
/// </summary>
public static class PrecompiledDataFilters
{
    /// <summary>Adds each root entity type's filters.</summary>
    public static void AddTo(RuntimeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var entityType in ((IModel)model).GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()).Cast<RuntimeEntityType>())
        {
            var filters = DerrimutDbContext.DataFiltersFor(entityType.ClrType);
            if (filters.Count > 0)
            {
                // EF1001: QueryFilterCollection and RuntimeQueryFilter are what EF Core itself stores on a runtime
                // entity type; there is no public way to give a precompiled model its filters.
#pragma warning disable EF1001
                entityType.AddAnnotation(
                    CoreAnnotationNames.QueryFilter,
                    new QueryFilterCollection(filters.Select(f => new RuntimeQueryFilter(f.Name, f.Filter))));
#pragma warning restore EF1001
            }
        }
    }
}
