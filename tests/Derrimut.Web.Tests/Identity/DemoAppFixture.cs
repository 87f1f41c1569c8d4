namespace Derrimut.Web.Tests.Identity;

/// <summary>The real app with the demo seed (franchises, locations, people) plus a staff member at st-albans.</summary>
public abstract class DemoAppFixture : IAsyncLifetime
{
    public const string Domain = "derrimut.localhost";
    private TestDatabase? _database;
    private DerrimutWebFactory? _app;
    private string? _skipReason;

    protected abstract DatabaseProvider Provider { get; }

    public DerrimutWebFactory App
    {
        get
        {
            if (_skipReason is not null)
            {
                Assert.Skip(_skipReason);
            }

            return _app!;
        }
    }

    public static string StaffEmail => $"staff@st-albans.{Domain}";

    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql && TestServices.PostgresMaintenance is null
            && Environment.GetEnvironmentVariable("DERRIMUT_REQUIRE_SERVICES") != "1")
        {
            _skipReason = "PostgreSQL not available (DERRIMUT_TEST_POSTGRES not set); run etc/test.sh.";
            return;
        }

        _database = await TestDatabase.CreateAsync(Provider);
        _app = new DerrimutWebFactory(_database);
        await _app.StartAsync(demoData: true);
        var admin = await _app.SignedInAsync($"admin@st-albans.{Domain}", "st-albans");
        var invited = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email = StaffEmail, displayName = "Sue Staff", roles = new[] { "staff" } });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteDemoAppFixture : DemoAppFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresDemoAppFixture : DemoAppFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
