using Microsoft.AspNetCore.DataProtection;
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
}

public sealed class DataProtectionKeysOnSqliteShould() : DataProtectionKeysShould(DatabaseProvider.Sqlite);

public sealed class DataProtectionKeysOnPostgresShould() : DataProtectionKeysShould(DatabaseProvider.PostgreSql);
