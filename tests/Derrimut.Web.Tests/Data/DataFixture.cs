namespace Derrimut.Web.Tests.Data;

/// <summary>A kernel host with the probe module and two franchises × two locations.</summary>
public abstract class DataFixture : IAsyncLifetime
{
    private KernelHost? _host;
    private TestDatabase? _database;
    private string? _skipReason;

    protected abstract DatabaseProvider Provider { get; }

    public KernelHost Host
    {
        get
        {
            if (_skipReason is not null)
            {
                Assert.Skip(_skipReason);
            }

            return _host!;
        }
    }

    public TenantInfo FranchiseA { get => Ready(field); private set; } = null!;

    public TenantInfo A1 { get => Ready(field); private set; } = null!;

    public TenantInfo A2 { get => Ready(field); private set; } = null!;

    public TenantInfo FranchiseB { get => Ready(field); private set; } = null!;

    public TenantInfo B1 { get => Ready(field); private set; } = null!;

    public TenantInfo B2 { get => Ready(field); private set; } = null!;

    private T Ready<T>(T value)
    {
        if (_skipReason is not null)
        {
            Assert.Skip(_skipReason);
        }

        return value;
    }

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql && TestServices.PostgresMaintenance is null
            && Environment.GetEnvironmentVariable("DERRIMUT_REQUIRE_SERVICES") != "1")
        {
            _skipReason = "PostgreSQL not available (DERRIMUT_TEST_POSTGRES not set); run etc/test.sh.";
            return;
        }

        _database = await TestDatabase.CreateAsync(Provider);
        _host = await KernelHost.StartAsync(_database, new IsolationProbeModule());
        FranchiseA = await _host.AddTenantAsync("franchise-a", TenantKind.Franchise);
        FranchiseB = await _host.AddTenantAsync("franchise-b", TenantKind.Franchise);
        A1 = await _host.AddTenantAsync("a1", TenantKind.Location, FranchiseA.Id);
        A2 = await _host.AddTenantAsync("a2", TenantKind.Location, FranchiseA.Id);
        B1 = await _host.AddTenantAsync("b1", TenantKind.Location, FranchiseB.Id);
        B2 = await _host.AddTenantAsync("b2", TenantKind.Location, FranchiseB.Id);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
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
