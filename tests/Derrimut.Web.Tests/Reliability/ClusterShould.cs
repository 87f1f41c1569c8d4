using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Derrimut.BuildingBlocks.Http;

namespace Derrimut.Web.Tests.Reliability;

/// <summary>
/// Two nodes of the app on one PostgreSQL database and one Redis, as behind the proxy (decision 0068): whatever node a
/// request lands on, the sign-in, an admin's change and an idempotent write's stored answer are the same.
/// </summary>
public sealed class ClusterShould : IAsyncLifetime
{
    private const string D = DerrimutWebFactory.RootDomain;
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";
    private TestDatabase _database = null!;
    private DerrimutWebFactory _nodeA = null!;
    private DerrimutWebFactory _nodeB = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var redis = TestServices.RequireRedis();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        _nodeA = new DerrimutWebFactory(_database, redis, _prefix);
        _nodeB = new DerrimutWebFactory(_database, redis, _prefix);
        await _nodeA.StartAsync(demoData: true);
        _ = _nodeB.Services;
    }

    public async ValueTask DisposeAsync()
    {
        if (_nodeA is not null)
        {
            await _nodeA.DisposeAsync();
            await _nodeB.DisposeAsync();
            await _database.DisposeAsync();
        }
    }

    /// <summary>A client of one node with no cookie jar: cookies travel only as the test hands them over.</summary>
    private static HttpClient Bare(DerrimutWebFactory node, string label, string? cookies = null)
    {
        var client = node.Server.CreateClient();
        client.BaseAddress = new Uri($"http://{label}.{D}/");
        if (cookies is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookies);
        }

        return client;
    }

    private static async Task<string> SignInAsync(DerrimutWebFactory node, string email)
    {
        var response = await Bare(node, "st-albans").PostAsync($"/test/sign-in?email={Uri.EscapeDataString(email)}", null, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    private static async Task<JsonElement> MeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/me", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task ReadOnNodeBTheSignInCookieThatNodeAIssued()
    {
        var cookie = await SignInAsync(_nodeA, $"member@st-albans.{D}");

        var me = await MeAsync(Bare(_nodeB, "st-albans", cookie));

        me.ToString().ShouldContain($"member@st-albans.{D}");
    }

    [Fact]
    public async Task ApplyADeactivationMadeOnNodeAToNodeBsNextRequest()
    {
        var email = $"member2@st-albans.{D}";
        var onB = Bare(_nodeB, "st-albans", await SignInAsync(_nodeA, email));
        (await MeAsync(onB)).GetProperty("roles").GetArrayLength().ShouldBeGreaterThan(0);
        var admin = await _nodeA.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var people = await admin.GetFromJsonAsync<JsonElement>($"/api/identity/users?search={Uri.EscapeDataString(email)}", Ct);
        var userId = people.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("email").GetString() == email).GetProperty("userId").GetString();

        (await admin.PostAsync($"/api/identity/users/{userId}/deactivate", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Node B's very next request: the session dies with the access (decision 0049), or at least carries no role here.
        var after = await onB.GetAsync("/api/me", Ct);
        if (after.StatusCode == HttpStatusCode.OK)
        {
            (await after.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("roles").GetArrayLength().ShouldBe(0);
        }
        else
        {
            after.StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        }
    }

    [Fact]
    public async Task ReplayOnNodeBTheAnswerNodeAStoredForAnIdempotencyKey()
    {
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new { kind = "franchise", identifier = $"node-{Guid.NewGuid():N}"[..12], name = "Across Nodes", activate = true });
        HttpRequestMessage Create()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/platform/tenants") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add(IdempotencyKeys.HeaderName, key);
            return request;
        }

        var onA = await _nodeA.PlatformClient().SendAsync(Create(), Ct);
        var onB = await _nodeB.PlatformClient().SendAsync(Create(), Ct);

        onA.StatusCode.ShouldBe(HttpStatusCode.Created);
        onB.StatusCode.ShouldBe(HttpStatusCode.Created);
        onB.Headers.GetValues(IdempotencyKeys.ReplayedHeaderName).ShouldBe(["true"]);
        (await onB.Content.ReadAsStringAsync(Ct)).ShouldBe(await onA.Content.ReadAsStringAsync(Ct));
    }
}
