using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.Web.Tests.Data;

/// <summary>
/// The Data Protection key ring lives in the database: every node reads what another node protected (cookies,
/// antiforgery, secrets encrypted at rest), and a restarted node still can.
/// </summary>
public abstract class DataProtectionKeysShould(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private DerrimutWebFactory _nodeA = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _nodeA = new DerrimutWebFactory(_database);
        await _nodeA.StartAsync(demoData: true);
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_nodeA is not null)
        {
            await _nodeA.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task LetAnotherNodeReadWhatOneNodeProtected()
    {
        var secret = _nodeA.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("whsec_st_albans");

        await using var nodeB = new DerrimutWebFactory(_database);
        nodeB.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret).ShouldBe("whsec_st_albans");
    }

    [Fact]
    public async Task AcceptOneNodesSignInCookieOnAnother()
    {
        await using var nodeB = new DerrimutWebFactory(_database);
        var onB = nodeB.ClientFor("st-albans");
        // Signed in on node A; the browser's next request happens to land on node B.
        var signIn = await _nodeA.ClientFor("st-albans").PostAsync("/test/sign-in?email=member%40st-albans.derrimut.localhost", null);
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", cookie);

        (await onB.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReadKeysStoredBeforeTheFrameworkRepositoryTookOver()
    {
        // A key made elsewhere, and a secret protected with it, as a node running the hand-written repository left them.
        var elsewhere = new KeysInMemory();
        var services = new ServiceCollection().AddLogging();
        services.AddDataProtection().SetApplicationName("Derrimut");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = elsewhere);
        await using var oldNode = services.BuildServiceProvider();
        var secret = oldNode.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("sk_test_werribee");
        var key = elsewhere.Elements.ShouldHaveSingleItem();

        // Written with plain SQL into the columns the hand-written repository wrote (FriendlyName, Xml), not through
        // the framework's entity: the rows already in production databases look exactly like this.
        using (var scope = _nodeA.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DerrimutDbContext>();
            var table = db.IsSqlite ? "kernel_data_protection_keys" : "kernel.data_protection_keys";
#pragma warning disable EF1002 // the table name is one of two constants; the values are parameters
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO {table} (\"FriendlyName\", \"Xml\") VALUES ({{0}}, {{1}})",
                [$"key-{key.Attribute("id")!.Value}", key.ToString(SaveOptions.DisableFormatting)],
                TestContext.Current.CancellationToken);
#pragma warning restore EF1002
        }

        await using var nodeB = new DerrimutWebFactory(_database);
        nodeB.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret).ShouldBe("sk_test_werribee");
    }

    private sealed class KeysInMemory : IXmlRepository
    {
        public List<XElement> Elements { get; } = [];

        public IReadOnlyCollection<XElement> GetAllElements() => Elements.AsReadOnly();

        public void StoreElement(XElement element, string friendlyName) => Elements.Add(element);
    }
}

public sealed class DataProtectionKeysOnSqliteShould() : DataProtectionKeysShould(DatabaseProvider.Sqlite);

public sealed class DataProtectionKeysOnPostgresShould() : DataProtectionKeysShould(DatabaseProvider.PostgreSql);
