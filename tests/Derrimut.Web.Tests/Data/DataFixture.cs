namespace Derrimut.Web.Tests.Data;

/// <summary>A kernel host with the probe module and two franchises × two locations.</summary>
public abstract class DataFixture : ProviderFixture
{
    private KernelHost? _host;

    public KernelHost Host => Ready(_host!);

    public TenantInfo FranchiseA { get => Ready(field); private set; } = null!;

    public TenantInfo A1 { get => Ready(field); private set; } = null!;

    public TenantInfo A2 { get => Ready(field); private set; } = null!;

    public TenantInfo FranchiseB { get => Ready(field); private set; } = null!;

    public TenantInfo B1 { get => Ready(field); private set; } = null!;

    public TenantInfo B2 { get => Ready(field); private set; } = null!;

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _host = Own(await KernelHost.StartAsync(database, new IsolationProbeModule()));
        FranchiseA = await _host.AddTenantAsync("franchise-a", TenantKind.Franchise);
        FranchiseB = await _host.AddTenantAsync("franchise-b", TenantKind.Franchise);
        A1 = await _host.AddTenantAsync("a1", TenantKind.Location, FranchiseA.Id);
        A2 = await _host.AddTenantAsync("a2", TenantKind.Location, FranchiseA.Id);
        B1 = await _host.AddTenantAsync("b1", TenantKind.Location, FranchiseB.Id);
        B2 = await _host.AddTenantAsync("b2", TenantKind.Location, FranchiseB.Id);
    }
}

public sealed class SqliteDataFixture : DataFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresDataFixture : DataFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
