using System.Text.Json;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// The leak suite's reporting part (decision 0053): the matrix above already calls every <c>/api/reports</c> route as
/// every role at every host; here the figures themselves. On the demo, a werribee admin's dashboard, reports and CSV
/// never count a st-albans row; the franchise roll-up lists exactly the franchise's gyms; another franchise's admin
/// gets nothing from either.
/// </summary>
public abstract partial class CrossTenantLeakShould
{
    [Fact]
    public async Task KeepEveryGymsFiguresToThatGym()
    {
        var app = fixture.App;
        var ct = TestContext.Current.CancellationToken;
        var stAlbans = await app.SignedInAsync($"admin@st-albans.{D}", Home);
        var werribee = await app.SignedInAsync($"admin@werribee.{D}", "werribee");

        var here = await JsonAsync(await stAlbans.GetAsync(SignedInClients.At(Home, "/api/reports/dashboard"), ct));
        var there = await JsonAsync(await werribee.GetAsync(SignedInClients.At("werribee", "/api/reports/dashboard"), ct));
        here.GetProperty("locationId").GetGuid().ShouldNotBe(there.GetProperty("locationId").GetGuid());
        (await werribee.GetAsync(SignedInClients.At(Home, "/api/reports/dashboard"), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await werribee.GetAsync(SignedInClients.At(Home, "/api/reports/attendance?format=csv"), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // No st-albans check-in, membership or PT session appears in werribee's exports (and the reverse).
        foreach (var report in new[] { "attendance", "membership", "trainers" })
        {
            var from = "2024-01-01";
            var to = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var ours = await CsvIdsAsync(stAlbans, Home, report, from, to);
            var theirs = await CsvIdsAsync(werribee, "werribee", report, from, to);
            ours.Intersect(theirs).ShouldBeEmpty(report);
        }

        var franchiseAdmin = await app.SignedInAsync($"franchise-admin@{D}", "derrimut-group");
        var rollup = await JsonAsync(await franchiseAdmin.GetAsync(SignedInClients.At("derrimut-group", "/api/reports/franchise/dashboard"), ct));
        var names = rollup.GetProperty("locations").EnumerateArray().Select(l => l.GetProperty("locationName").GetString()!).ToList();
        names.ShouldContain(n => n.Contains("St Albans", StringComparison.OrdinalIgnoreCase));
        names.ShouldContain(n => n.Contains("Werribee", StringComparison.OrdinalIgnoreCase));
        names.ShouldNotContain(n => n.Contains("Coburg", StringComparison.OrdinalIgnoreCase));
        rollup.GetProperty("total").GetProperty("activeMembers").GetInt32()
            .ShouldBe(rollup.GetProperty("locations").EnumerateArray().Sum(l => l.GetProperty("activeMembers").GetInt32()));

        var coburg = await app.SignedInAsync($"admin@coburg.{D}", "coburg");
        (await coburg.GetAsync(SignedInClients.At("derrimut-group", "/api/reports/franchise/dashboard"), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await coburg.GetAsync(SignedInClients.At(Home, "/api/reports/dashboard"), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stAlbans.GetAsync(SignedInClients.At("admin", "/api/reports/platform"), ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<HashSet<string>> CsvIdsAsync(HttpClient client, string host, string report, string from, string to)
    {
        var response = await client.GetAsync(SignedInClients.At(host, $"/api/reports/{report}?from={from}&to={to}&format=csv"));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        // The first column of these exports is each row's own id.
        return [.. body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0]).Where(id => Guid.TryParse(id, out _))];
    }
}
