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
}
