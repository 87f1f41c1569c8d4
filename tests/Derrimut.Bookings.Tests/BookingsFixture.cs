namespace Derrimut.Bookings.Tests;

/// <summary>
/// The real app (real module list and migrations) on a fresh database of one provider, with two franchises of two
/// locations each; the Bookings tests of a class share it.
/// </summary>
public abstract class BookingsFixture : ProviderFixture
{
    private DerrimutWebFactory? _app;

    public DerrimutWebFactory App => Ready(_app!);

    public TestTenant A1 { get => Ready(field); private set; } = null!;

    public TestTenant A2 { get => Ready(field); private set; } = null!;

    public TestTenant B1 { get => Ready(field); private set; } = null!;

    /// <summary>Runs <paramref name="work"/> in a fresh DI scope of <paramref name="tenant"/> (its own DbContext).</summary>
    public Task<T> AtAsync<T>(TestTenant tenant, Func<IServiceProvider, CancellationToken, Task<T>> work) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenant.Id, work, TestContext.Current.CancellationToken);

    /// <inheritdoc cref="AtAsync{T}"/>
    public Task AtAsync(TestTenant tenant, Func<IServiceProvider, CancellationToken, Task> work) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(tenant.Id, work, TestContext.Current.CancellationToken);

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _app = Own(new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["Billing:SimulatedTools"] = "true" }));
        await _app.StartAsync();
        (_, A1, A2, _, B1, _) = await TenantBuilder.CreateTwoByTwoAsync(_app.PlatformClient());
    }
}

public sealed class SqliteBookingsFixture : BookingsFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresBookingsFixture : BookingsFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
