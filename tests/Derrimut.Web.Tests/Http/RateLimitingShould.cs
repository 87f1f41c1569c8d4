namespace Derrimut.Web.Tests.Http;

/// <summary>The built-in limiter guards hand-made writes and answers with a problem and Retry-After.</summary>
public sealed class RateLimitingShould
{
    [Fact]
    public async Task RefuseWritesBeyondTheLimitWith429Problem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, writesPerMinute: 3);
        await app.StartAsync();
        var platform = app.PlatformClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await platform.PostAsJsonAsync("/api/platform/tenants", new { kind = "franchise", identifier = $"limited-{i}", name = "Limited", activate = true });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await ProblemAssert.IsAsync(response, HttpStatusCode.TooManyRequests, "rate-limited");
                response.Headers.RetryAfter.ShouldNotBeNull();
            }
        }

        statuses.ShouldBe([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests]);
        (await platform.GetAsync("/api/platform/tenants")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads are not limited by the writes policy");
    }

    [Fact]
    public async Task LimitTokenRequestsPerClientWhateverTheAddressAndLeaveOtherClientsAlone()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string> { ["RateLimiting:TokenRequestsPerClientPerMinute"] = "3" });
        await app.StartAsync();
        var client = app.ClientFor("admin");

        Task<HttpResponseMessage> GuessAsync(string clientId) => client.ClientCredentialsAsync(clientId, "wrong-secret");

        for (var i = 0; i < 3; i++)
        {
            (await GuessAsync("door-controller")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        var refused = await GuessAsync("door-controller");
        await ProblemAssert.IsAsync(refused, HttpStatusCode.TooManyRequests, "rate-limited");
        refused.Headers.RetryAfter.ShouldNotBeNull();
        // The limit is the guessed client's, not the address's: another client from the same address is still heard.
        (await GuessAsync("another-client")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task LimitSignInAttemptsPerAccountAndLeaveOtherAccountsAlone()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string>
        {
            ["RateLimiting:SignInsPerAccountPerMinute"] = "3",
            ["RateLimiting:SignInsPerMinute"] = "100",
        });
        await app.StartAsync();
        var browser = app.ClientFor("admin");

        Task<HttpResponseMessage> AttemptAsync(string email) => browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "guess",
        }));

        for (var i = 0; i < 3; i++)
        {
            (await AttemptAsync("victim@example.com")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
        }

        // The same account, written differently, is the same bucket.
        await ProblemAssert.IsAsync(await AttemptAsync(" Victim@Example.com "), HttpStatusCode.TooManyRequests, "rate-limited");
        (await AttemptAsync("someone-else@example.com")).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task GiveEachGymItsOwnWebhookBucketSoOneGymsFloodNeverLimitsAnother()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new DerrimutWebFactory(database, settings: new Dictionary<string, string>
        {
            ["RateLimiting:WebhooksPerGymBurst"] = "3",
            ["RateLimiting:WebhooksPerGymPerSecond"] = "1",
        });
        await app.StartAsync();
        var platform = app.PlatformClient();
        var (_, flooded, quiet, _, otherFranchise, _) = await TenantBuilder.CreateTwoByTwoAsync(platform);

        // Unsigned deliveries are refused by the receiver, but only after the limiter has counted them.
        Task<HttpResponseMessage> DeliverAsync(string host) => app.ClientFor(null).PostAsync(SignedInClients.At(host, "/webhooks/stripe"),
            new StringContent("{\"id\":\"evt_flood\",\"type\":\"invoice.paid\"}", System.Text.Encoding.UTF8, "application/json"));

        // Faster than the one-a-second refill: the flooded gym's bucket runs dry within a few deliveries.
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 50 && refused is null; i++)
        {
            var response = await DeliverAsync(flooded.Identifier);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
        }

        refused.ShouldNotBeNull("the flooded gym's deliveries are limited");
        await ProblemAssert.IsAsync(refused, HttpStatusCode.TooManyRequests, "rate-limited");
        // The same gym written in capitals is the same bucket (keyed by the gym's id, not the Host text).
        (await DeliverAsync(flooded.Identifier.ToUpperInvariant())).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        // Another gym of the same franchise, and a gym of another franchise, still have their whole allowance.
        foreach (var other in new[] { quiet, otherFranchise })
        {
            for (var i = 0; i < 3; i++)
            {
                (await DeliverAsync(other.Identifier)).StatusCode.ShouldNotBe(HttpStatusCode.TooManyRequests, $"{other.Identifier} delivery {i + 1}");
            }
        }
    }
}
