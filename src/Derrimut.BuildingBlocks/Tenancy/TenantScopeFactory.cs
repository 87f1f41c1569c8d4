namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>
/// Runs code as a given tenant (or as the platform) in a new DI scope with its own DbContext. This is the only
/// way to act for another tenant: jobs, the migrator's seeding, provisioning, webhooks and tests use it.
/// </summary>
public interface ITenantScopeFactory
{
    /// <summary>Runs <paramref name="work"/> in a new scope whose tenant is <paramref name="tenantId"/>.</summary>
    Task<T> RunAsync<T>(Guid tenantId, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> in a new scope whose tenant is <paramref name="tenant"/>.</summary>
    Task<T> RunAsync<T>(TenantInfo tenant, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="work"/> in a new platform-scope DI scope (no tenant rows visible).</summary>
    Task<T> RunAsPlatformAsync<T>(Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default);
}

/// <summary>Convenience overloads for work without a result.</summary>
public static class TenantScopeFactoryExtensions
{
    /// <summary>Runs <paramref name="work"/> as the tenant.</summary>
    public static Task RunAsync(this ITenantScopeFactory factory, Guid tenantId, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        factory.RunAsync<bool>(tenantId, async (sp, ct) => { await work(sp, ct); return true; }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> as the tenant.</summary>
    public static Task RunAsync(this ITenantScopeFactory factory, TenantInfo tenant, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        factory.RunAsync<bool>(tenant, async (sp, ct) => { await work(sp, ct); return true; }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in platform scope.</summary>
    public static Task RunAsPlatformAsync(this ITenantScopeFactory factory, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        factory.RunAsPlatformAsync<bool>(async (sp, ct) => { await work(sp, ct); return true; }, cancellationToken);
}

internal sealed class TenantScopeFactory(IServiceScopeFactory scopeFactory, ITenantCatalog catalog) : ITenantScopeFactory
{
    public async Task<T> RunAsync<T>(Guid tenantId, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        var tenant = await catalog.FindByIdAsync(tenantId, cancellationToken)
            ?? throw new InvalidOperationException($"Tenant {tenantId} does not exist.");
        return await RunAsync(tenant, work, cancellationToken);
    }

    public Task<T> RunAsync<T>(TenantInfo tenant, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        RunInScopeAsync(tenant, work, cancellationToken);

    public Task<T> RunAsPlatformAsync<T>(Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        RunInScopeAsync(null, work, cancellationToken);

    private async Task<T> RunInScopeAsync<T>(TenantInfo? tenant, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.DerrimutTelemetry.StartTenantScope(tenant?.Id);
        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(tenant);
        return await work(scope.ServiceProvider, cancellationToken);
    }
}
