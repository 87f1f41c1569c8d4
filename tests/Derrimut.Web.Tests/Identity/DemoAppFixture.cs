namespace Derrimut.Web.Tests.Identity;

/// <summary>The real app with the demo seed (franchises, locations, people) plus a staff member at st-albans.</summary>
public abstract class DemoAppFixture : ProviderFixture
{
    public const string Domain = "derrimut.localhost";
    private DerrimutWebFactory? _app;

    public DerrimutWebFactory App => Ready(_app!);

    public static string StaffEmail => $"staff@st-albans.{Domain}";

    protected override async ValueTask SetUpAsync(TestDatabase database)
    {
        _app = Own(new DerrimutWebFactory(database));
        await _app.StartAsync(demoData: true);
        var admin = await _app.SignedInAsync($"admin@st-albans.{Domain}", "st-albans");
        var invited = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email = StaffEmail, displayName = "Sue Staff", roles = new[] { "staff" } });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
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
