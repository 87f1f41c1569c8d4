namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>One running app on its own database, shared by the tests of a class, with a two-by-two tenant set.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    private DerrimutWebFactory? _factory;
    private TestDatabase? _database;
    private string? _skipReason;

    protected abstract DatabaseProvider Provider { get; }

    protected virtual string? Redis => null;

    public DerrimutWebFactory App
    {
        get
        {
            if (_skipReason is not null)
            {
                Assert.Skip(_skipReason);
            }

            return _factory!;
        }
    }

    public TestTenant FranchiseA { get => Ready(field); private set; } = null!;

    public TestTenant A1 { get => Ready(field); private set; } = null!;

    public TestTenant A2 { get => Ready(field); private set; } = null!;

    public TestTenant FranchiseB { get => Ready(field); private set; } = null!;

    public TestTenant B1 { get => Ready(field); private set; } = null!;

    public TestTenant B2 { get => Ready(field); private set; } = null!;

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
        _factory = new DerrimutWebFactory(_database, Redis);
        await _factory.StartAsync();
        (FranchiseA, A1, A2, FranchiseB, B1, B2) = await TenantBuilder.CreateTwoByTwoAsync(_factory.PlatformClient());
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteAppFixture : AppFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresAppFixture : AppFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
