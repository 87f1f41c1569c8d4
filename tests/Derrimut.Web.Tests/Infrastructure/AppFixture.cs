namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>One running app on its own database, shared by the tests of a class, with a two-by-two tenant set.</summary>
public abstract class AppFixture : ProviderFixture
{
    private DerrimutWebFactory? _factory;

    protected virtual string? Redis => null;

    public DerrimutWebFactory App => Ready(_factory!);

    public TestTenant FranchiseA { get => Ready(field); private set; } = null!;

    public TestTenant A1 { get => Ready(field); private set; } = null!;

    public TestTenant A2 { get => Ready(field); private set; } = null!;

    public TestTenant FranchiseB { get => Ready(field); private set; } = null!;

    public TestTenant B1 { get => Ready(field); private set; } = null!;

    public TestTenant B2 { get => Ready(field); private set; } = null!;

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _factory = Own(new DerrimutWebFactory(database, Redis));
        await _factory.StartAsync();
        (FranchiseA, A1, A2, FranchiseB, B1, B2) = await TenantBuilder.CreateTwoByTwoAsync(_factory.PlatformClient());
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
