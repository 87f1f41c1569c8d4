using Derrimut.BuildingBlocks.Caching;
using Microsoft.Extensions.Caching.Hybrid;

namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>
/// The cached read side of the tenant store, used on every request to resolve the tenant. Read-through
/// <see cref="HybridCache"/> (memory L1, Redis L2 when configured); every tenant write must call
/// <see cref="InvalidateAsync"/>, which also tells the other nodes to drop their L1 copies.
/// </summary>
public interface ITenantCatalog
{
    /// <summary>Finds a tenant by subdomain label (unknown labels are cached as absent for a short time).</summary>
    ValueTask<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default);

    /// <summary>Finds a tenant by id.</summary>
    ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Drops every cached entry for the tenant and for the given identifiers (old and new labels), on every node.</summary>
    Task InvalidateAsync(Guid tenantId, IEnumerable<string> identifiers, CancellationToken cancellationToken = default);
}

internal sealed class TenantCatalog(
    HybridCache cache,
    IServiceScopeFactory scopeFactory,
    ICacheInvalidationBus bus) : ITenantCatalog
{
    internal static readonly TimeSpan PositiveExpiration = TimeSpan.FromMinutes(10);
    internal static readonly TimeSpan PositiveLocalExpiration = TimeSpan.FromMinutes(2);

    /// <summary>How long an unknown label stays unknown without asking the database again.</summary>
    internal static readonly TimeSpan NegativeExpiration = TimeSpan.FromSeconds(30);

    private static readonly HybridCacheEntryOptions Positive = new()
    {
        Expiration = PositiveExpiration,
        LocalCacheExpiration = PositiveLocalExpiration,
    };

    private static readonly HybridCacheEntryOptions Negative = new()
    {
        Expiration = NegativeExpiration,
        LocalCacheExpiration = NegativeExpiration,
    };

    internal const string InvalidationChannel = "tenant-catalog";

    internal static string IdentifierKey(string identifier) => $"tenant:identifier:{identifier}";

    internal static string IdKey(Guid id) => $"tenant:id:{id:N}";

    public ValueTask<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default) =>
        FindAsync(IdentifierKey(identifier), store => store.FindByIdentifierAsync(identifier, cancellationToken), cancellationToken);

    public ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        FindAsync(IdKey(id), store => store.FindByIdAsync(id, cancellationToken), cancellationToken);

    private async ValueTask<TenantInfo?> FindAsync(string key, Func<ITenantStore, Task<TenantInfo?>> load, CancellationToken cancellationToken)
    {
        var lookup = new Lookup(scopeFactory, load);
        var tenant = await cache.GetOrCreateAsync(
            key,
            lookup,
            static async (state, _) => await state.LoadAsync(),
            Positive,
            cancellationToken: cancellationToken);

        if (tenant is null && lookup.Loaded)
        {
            // Cache "no such gym" briefly: a stream of requests for a bad subdomain must not hit the database each
            // time, yet a new location (whose creation invalidates this key anyway) must appear promptly. Only the
            // caller that actually asked the database writes it, so hits don't keep extending the expiry.
            await cache.SetAsync<TenantInfo?>(key, null, Negative, cancellationToken: cancellationToken);
        }

        return tenant;
    }

    public async Task InvalidateAsync(Guid tenantId, IEnumerable<string> identifiers, CancellationToken cancellationToken = default)
    {
        var keys = KeysFor(tenantId, identifiers);
        await RemoveLocallyAsync(keys, cancellationToken);
        await bus.PublishAsync(InvalidationChannel, keys, cancellationToken);
    }

    internal static string[] KeysFor(Guid tenantId, IEnumerable<string> identifiers) =>
        [IdKey(tenantId), .. identifiers.Where(i => !string.IsNullOrEmpty(i)).Distinct(StringComparer.Ordinal).Select(IdentifierKey)];

    internal async Task RemoveLocallyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        await cache.RemoveAsync(keys, cancellationToken);
    }

    private sealed class Lookup(IServiceScopeFactory scopeFactory, Func<ITenantStore, Task<TenantInfo?>> load)
    {
        public bool Loaded { get; private set; }

        public async Task<TenantInfo?> LoadAsync()
        {
            Loaded = true;
            // The store gets its own short-lived scope: resolving a tenant must never rent the request's DbContext
            // before the request's tenant is known.
            await using var scope = scopeFactory.CreateAsyncScope();
            return await load(scope.ServiceProvider.GetRequiredService<ITenantStore>());
        }
    }
}
