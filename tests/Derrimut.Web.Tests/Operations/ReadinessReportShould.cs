using System.Text.Json;

namespace Derrimut.Web.Tests.Operations;

/// <summary>
/// The readiness report a proxy and an operator read: overall status, then each check's status, description and
/// duration. It is written field by field since decision 0094 (no reflection-built JSON shape on a starting node's
/// first probe); the JSON is what serialising the same fields with the web defaults writes, byte for byte.
/// </summary>
public sealed class ReadinessReportShould(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task NameEachCheckWithItsStatusDescriptionAndDuration()
    {
        var response = await fixture.App.ClientFor(null).GetAsync("/health/ready", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var report = JsonDocument.Parse(body);
        report.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(["status", "checks"]);
        var checks = report.RootElement.GetProperty("checks").EnumerateObject().ToArray();
        checks.Select(c => c.Name).ShouldContain("database");
        checks.Select(c => c.Name).ShouldContain("warm-up");
        foreach (var check in checks)
        {
            check.Value.EnumerateObject().Select(p => p.Name).ShouldBe(["status", "description", "durationMs"], check.Name);
            check.Value.GetProperty("durationMs").ValueKind.ShouldBe(JsonValueKind.Number, check.Name);
        }

        // The same fields serialised with the web defaults, as the report was written before.
        var reserialised = JsonSerializer.Serialize(
            new
            {
                status = report.RootElement.GetProperty("status").GetString(),
                checks = checks.ToDictionary(
                    c => c.Name,
                    c => new
                    {
                        status = c.Value.GetProperty("status").GetString(),
                        description = c.Value.GetProperty("description").GetString(),
                        durationMs = c.Value.GetProperty("durationMs").GetDouble(),
                    }),
            },
            JsonSerializerOptions.Web);
        body.ShouldBe(reserialised);
    }
}
