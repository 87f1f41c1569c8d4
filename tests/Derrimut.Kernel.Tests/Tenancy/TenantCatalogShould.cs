using System.Collections.Concurrent;
using Derrimut.BuildingBlocks.Caching;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.Kernel.Tests.Tenancy;

public sealed class TenantCatalogShould : IAsyncDisposable
{
    private readonly TenantDirectory _directory = new();
    private readonly ServiceProvider _services;
    private readonly TenantCatalog _catalog;

    public TenantCatalogShould()
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        services.AddSingleton(_directory);
        services.AddScoped<ITenantStore, CountingTenantStore>();
        services.AddSingleton<ICacheInvalidationBus, LocalCacheInvalidationBus>();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _catalog = new TenantCatalog(
            _services.GetRequiredService<HybridCache>(),
            _services.GetRequiredService<IServiceScopeFactory>(),
            _services.GetRequiredService<ICacheInvalidationBus>());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindATenantByIdentifier()
    {
        var stAlbans = _directory.Add(Tenants.Location("st-albans"));

        (await _catalog.FindByIdentifierAsync("st-albans", Ct)).ShouldBe(stAlbans);
    }

    [Fact]
    public async Task AskTheStoreOnlyOnceForTheSameIdentifier()
    {
        var stAlbans = _directory.Add(Tenants.Location("st-albans"));

        await _catalog.FindByIdentifierAsync("st-albans", Ct);
        var second = await _catalog.FindByIdentifierAsync("st-albans", Ct);

        second.ShouldBe(stAlbans);
        _directory.CallsFor("st-albans").ShouldBe(1);
    }

    [Fact]
    public async Task RememberAnUnknownIdentifierAsAbsent()
    {
        (await _catalog.FindByIdentifierAsync("nowhere", Ct)).ShouldBeNull();
        (await _catalog.FindByIdentifierAsync("nowhere", Ct)).ShouldBeNull();

        _directory.CallsFor("nowhere").ShouldBe(1);
    }

    [Fact]
    public async Task CacheEachIdentifierSeparately()
    {
        _directory.Add(Tenants.Location("st-albans"));
        _directory.Add(Tenants.Location("sunshine"));

        (await _catalog.FindByIdentifierAsync("st-albans", Ct)).ShouldNotBeNull().Identifier.ShouldBe("st-albans");
        (await _catalog.FindByIdentifierAsync("sunshine", Ct)).ShouldNotBeNull().Identifier.ShouldBe("sunshine");

        _directory.CallsFor("st-albans").ShouldBe(1);
        _directory.CallsFor("sunshine").ShouldBe(1);
    }

    [Fact]
    public async Task FindATenantByIdAskingTheStoreOnce()
    {
        var stAlbans = _directory.Add(Tenants.Location("st-albans"));

        (await _catalog.FindByIdAsync(stAlbans.Id, Ct)).ShouldBe(stAlbans);
        (await _catalog.FindByIdAsync(stAlbans.Id, Ct)).ShouldBe(stAlbans);

        _directory.CallsFor(stAlbans.Id).ShouldBe(1);
    }

    [Fact]
    public async Task RememberAnUnknownIdAsAbsent()
    {
        var id = Guid.NewGuid();

        (await _catalog.FindByIdAsync(id, Ct)).ShouldBeNull();
        (await _catalog.FindByIdAsync(id, Ct)).ShouldBeNull();

        _directory.CallsFor(id).ShouldBe(1);
    }

    [Fact]
    public async Task SeeASuspensionOnlyAfterInvalidation()
    {
        var active = _directory.Add(Tenants.Location("st-albans"));
        await _catalog.FindByIdentifierAsync("st-albans", Ct);
        await _catalog.FindByIdAsync(active.Id, Ct);

        _directory.Replace(active with { State = TenantState.Suspended });
        (await _catalog.FindByIdentifierAsync("st-albans", Ct)).ShouldNotBeNull().State.ShouldBe(TenantState.Active);

        await _catalog.InvalidateAsync(active.Id, ["st-albans"], Ct);

        (await _catalog.FindByIdentifierAsync("st-albans", Ct)).ShouldNotBeNull().State.ShouldBe(TenantState.Suspended);
        (await _catalog.FindByIdAsync(active.Id, Ct)).ShouldNotBeNull().State.ShouldBe(TenantState.Suspended);
        _directory.CallsFor("st-albans").ShouldBe(2);
        _directory.CallsFor(active.Id).ShouldBe(2);
    }

    [Fact]
    public async Task MoveTheTenantToItsNewIdentifierWhenBothLabelsAreInvalidated()
    {
        var before = _directory.Add(Tenants.Location("st-albans"));
        await _catalog.FindByIdentifierAsync("st-albans", Ct);
        (await _catalog.FindByIdentifierAsync("st-albans-central", Ct)).ShouldBeNull(); // now cached as absent

        _directory.Rename(before.Id, "st-albans-central");
        await _catalog.InvalidateAsync(before.Id, ["st-albans", "st-albans-central"], Ct);

        (await _catalog.FindByIdentifierAsync("st-albans", Ct)).ShouldBeNull();
        var after = (await _catalog.FindByIdentifierAsync("st-albans-central", Ct)).ShouldNotBeNull();
        after.Id.ShouldBe(before.Id);
        after.Identifier.ShouldBe("st-albans-central");
    }

    [Fact]
    public async Task LeaveOtherTenantsCachedWhenOneIsInvalidated()
    {
        var stAlbans = _directory.Add(Tenants.Location("st-albans"));
        _directory.Add(Tenants.Location("sunshine"));
        await _catalog.FindByIdentifierAsync("st-albans", Ct);
        await _catalog.FindByIdentifierAsync("sunshine", Ct);

        await _catalog.InvalidateAsync(stAlbans.Id, ["st-albans"], Ct);
        await _catalog.FindByIdentifierAsync("sunshine", Ct);

        _directory.CallsFor("sunshine").ShouldBe(1);
    }

    [Fact]
    public async Task TellTheOtherNodesWhichKeysToDrop()
    {
        var bus = new RecordingInvalidationBus();
        var catalog = new TenantCatalog(_services.GetRequiredService<HybridCache>(), _services.GetRequiredService<IServiceScopeFactory>(), bus);
        var id = Guid.NewGuid();

        await catalog.InvalidateAsync(id, ["st-albans", "st-albans-central", "st-albans", ""], Ct);

        var (channel, keys) = bus.Published.ShouldHaveSingleItem();
        channel.ShouldBe(TenantCatalog.InvalidationChannel);
        keys.ShouldBe([$"tenant:id:{id:N}", "tenant:identifier:st-albans", "tenant:identifier:st-albans-central"], ignoreOrder: true);
    }

    [Fact]
    public async Task GiveEachLookupItsOwnStoreScope()
    {
        _directory.Add(Tenants.Location("st-albans"));
        _directory.Add(Tenants.Location("sunshine"));

        await _catalog.FindByIdentifierAsync("st-albans", Ct);
        await _catalog.FindByIdentifierAsync("sunshine", Ct);

        // The store is scoped: one instance per lookup means the catalog never borrowed a request's scope.
        _directory.StoreInstances.ShouldBe(2);
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();

    /// <summary>The tenants "in the database", and how often the store was asked for each.</summary>
    internal sealed class TenantDirectory
    {
        private readonly ConcurrentDictionary<Guid, TenantInfo> _tenants = new();
        private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
        private int _storeInstances;

        public int StoreInstances => _storeInstances;

        public TenantInfo Add(TenantInfo tenant) => _tenants[tenant.Id] = tenant;

        public void Replace(TenantInfo tenant) => _tenants[tenant.Id] = tenant;

        public void Rename(Guid id, string identifier) => _tenants[id] = _tenants[id] with { Identifier = identifier };

        public int CallsFor(string identifier) => _calls.GetValueOrDefault("identifier:" + identifier);

        public int CallsFor(Guid id) => _calls.GetValueOrDefault("id:" + id);

        public void StoreCreated() => Interlocked.Increment(ref _storeInstances);

        public TenantInfo? FindByIdentifier(string identifier)
        {
            _calls.AddOrUpdate("identifier:" + identifier, 1, (_, n) => n + 1);
            return _tenants.Values.SingleOrDefault(t => t.Identifier == identifier);
        }

        public TenantInfo? FindById(Guid id)
        {
            _calls.AddOrUpdate("id:" + id, 1, (_, n) => n + 1);
            return _tenants.GetValueOrDefault(id);
        }

        public IReadOnlyList<TenantInfo> List() => [.. _tenants.Values];
    }

    internal sealed class CountingTenantStore : ITenantStore
    {
        private readonly TenantDirectory _directory;

        public CountingTenantStore(TenantDirectory directory)
        {
            _directory = directory;
            directory.StoreCreated();
        }

        public Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken) =>
            Task.FromResult(_directory.FindByIdentifier(identifier));

        public Task<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(_directory.FindById(id));

        public Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(_directory.List());
    }

    private sealed class RecordingInvalidationBus : ICacheInvalidationBus
    {
        public ConcurrentQueue<(string Channel, string[] Keys)> Published { get; } = new();

        public Task PublishAsync(string channel, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
        {
            Published.Enqueue((channel, [.. keys]));
            return Task.CompletedTask;
        }
    }
}

/// <summary>The negative entry for an unknown label is written once, not on every hit (which would also keep extending it).</summary>
public sealed class TenantCatalogNegativeCacheShould
{
    private sealed class CountingDistributedCache : Microsoft.Extensions.Caching.Distributed.IDistributedCache
    {
        private readonly ConcurrentDictionary<string, byte[]> _values = new();

        public int Writes;

        public byte[]? Get(string key) => _values.GetValueOrDefault(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

        public void Refresh(string key)
        {
        }

        public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

        public void Remove(string key) => _values.TryRemove(key, out _);

        public Task RemoveAsync(string key, CancellationToken token = default)
        {
            Remove(key);
            return Task.CompletedTask;
        }

        public void Set(string key, byte[] value, Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions options)
        {
            Interlocked.Increment(ref Writes);
            _values[key] = value;
        }

        public Task SetAsync(string key, byte[] value, Microsoft.Extensions.Caching.Distributed.DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task WriteTheAbsentEntryOnlyWhenTheStoreWasAsked()
    {
        var l2 = new CountingDistributedCache();
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(l2);
        services.AddHybridCache();
        services.AddSingleton(new TenantCatalogShould.TenantDirectory());
        services.AddScoped<ITenantStore, TenantCatalogShould.CountingTenantStore>();
        services.AddSingleton<ICacheInvalidationBus, LocalCacheInvalidationBus>();
        await using var provider = services.BuildServiceProvider();
        var catalog = new TenantCatalog(provider.GetRequiredService<HybridCache>(), provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<ICacheInvalidationBus>());

        await catalog.FindByIdentifierAsync("nowhere", TestContext.Current.CancellationToken);
        // L2 writes are asynchronous in HybridCache; let them land before counting.
        await Task.Delay(200, TestContext.Current.CancellationToken);
        var afterFirst = l2.Writes;
        for (var i = 0; i < 5; i++)
        {
            (await catalog.FindByIdentifierAsync("nowhere", TestContext.Current.CancellationToken)).ShouldBeNull();
        }

        await Task.Delay(200, TestContext.Current.CancellationToken);
        afterFirst.ShouldBeGreaterThan(0);
        l2.Writes.ShouldBe(afterFirst);
    }
}
