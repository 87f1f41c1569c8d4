using System.Text.Json;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Payroll;

/// <summary>
/// The dated tax tables in the database and over HTTP: superadmins on the platform site list and add tables (validated, audited, never
/// changed), pay calculations use them from their effective date, and nobody else can touch them.
/// </summary>
public abstract class TaxTablesShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;
    private const string Path = "/api/platform/payroll/tax-tables";

    private Task<HttpClient> SuperadminAsync() => fixture.App.SignedInAsync($"superadmin@{D}", "admin");

    private static object Band(decimal from, decimal? lessThan, decimal a, decimal b) => new { from, lessThan, a, b };

    private static object Table(string effectiveFrom, int scale, params object[] brackets) =>
        new { effectiveFrom, scale, source = "ATO NAT 1004 (test figures)", brackets };

    [Fact]
    public async Task ListTheSeededTablesWithTheirSourcesAndWhatIsMissing()
    {
        var superadmin = await SuperadminAsync();
        var tables = await superadmin.GetFromJsonAsync<JsonElement>(Path);

        var withholding = tables.GetProperty("withholdingTables").EnumerateArray().ToList();
        withholding.Select(t => t.GetProperty("identifier").GetString()).ShouldContain("NAT1004-2026-07-01 scale 2");
        withholding.ShouldAllBe(t => t.GetProperty("source").GetString()!.Length > 0);
        var scale2 = withholding.Single(t => t.GetProperty("identifier").GetString() == "NAT1004-2026-07-01 scale 2");
        scale2.GetProperty("brackets")[0].GetProperty("from").GetDecimal().ShouldBe(0m);
        scale2.GetProperty("brackets")[1].GetProperty("from").GetDecimal().ShouldBe(362m);
        var super = tables.GetProperty("superRules").EnumerateArray().Single(r => r.GetProperty("financialYear").GetString() == "2026-27");
        super.GetProperty("basis").GetString().ShouldBe("payday");
        super.GetProperty("maximumContributionBase").GetDecimal().ShouldBe(270_830m);
        tables.GetProperty("missing").EnumerateArray().Select(m => m.GetString()!).ShouldContain(m => m.StartsWith("PAYG withholding scale 5", StringComparison.Ordinal) && m.Contains("2026-07-01", StringComparison.Ordinal));

        (await superadmin.GetStringAsync("/platform/payroll/tax-tables")).ShouldContain("NAT1004-2026-07-01 scale 2");
    }

    [Fact]
    public async Task StoreTheSeedSoItReadsBackAsTheCodesTablesAndSeedingAgainAddsNothing()
    {
        var scopes = fixture.App.Services.GetRequiredService<ITenantScopeFactory>();
        var (rows, rules, book) = await scopes.RunAsPlatformAsync(async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            await PayrollRuleStore.SeedAsync(db, ct); // a second start: nothing new, nothing overwritten
            return (await db.Set<WithholdingTableRecord>().CountAsync(ct), await db.Set<SuperGuaranteeRule>().CountAsync(ct), await PayrollRuleStore.LoadAsync(db, ct));
        });

        // At least the seed (another test in this class may have added a table or rule since).
        rows.ShouldBeGreaterThanOrEqualTo(PayrollRuleStore.BuiltInTables().Count());
        rules.ShouldBeGreaterThanOrEqualTo(PayrollRuleStore.BuiltInSuperRules().Count());
        foreach (var (gross, scale, paidOn) in new[] { (1000.00m, 2, "2026-06-30"), (1000.00m, 2, "2026-12-02"), (2500.00m, 1, "2026-12-02"), (900.00m, 6, "2025-11-27"), (3000.00m, 3, "2027-01-05") })
        {
            var request = new WithholdingRequest(gross, PayPeriod.Weekly, (WithholdingScale)scale, DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture));
            var stored = WithholdingCalculator.Calculate(request, book);
            var code = WithholdingCalculator.Calculate(request);
            stored.Withholding.ShouldBe(code.Withholding, $"{gross} scale {scale} {paidOn}");
            stored.Working.ShouldBe(code.Working);
        }

        book.MaximumContributionBaseFor(new DateOnly(2026, 12, 2)).Cents.ShouldBe(27_083_000);
        book.SuperRuleFor(new DateOnly(2026, 12, 2)).Basis.ShouldBe(SuperGuaranteeBasis.Payday);
        book.MaximumContributionBaseFor(new DateOnly(2026, 6, 30)).Cents.ShouldBe(6_250_000);
    }

    [Fact]
    public async Task UseANextYearTableAndSuperRuleFromTheirEffectiveDate()
    {
        var superadmin = await SuperadminAsync();
        var added = await superadmin.PostAsJsonAsync($"{Path}/withholding", Table("2027-07-01", 2,
            Band(0m, 400m, 0m, 0m), Band(400m, 1000m, 0.15m, 60m), Band(1000m, null, 0.30m, 210m)));
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var table = await added.Content.ReadFromJsonAsync<JsonElement>();
        table.GetProperty("identifier").GetString().ShouldBe("NAT1004-2027-07-01 scale 2");
        table.GetProperty("addedBy").GetString().ShouldBe($"superadmin@{D}");
        var rule = await superadmin.PostAsJsonAsync($"{Path}/super", new { effectiveFrom = "2027-07-01", rate = 0.12m, basis = "payday", maximumContributionBase = 280_000m, source = "Test figure for 2027-28" });
        rule.StatusCode.ShouldBe(HttpStatusCode.Created, await rule.Content.ReadAsStringAsync());

        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        // x = 1000.99 is in the "and over" band: 0.30 × 1000.99 − 210 = 90.297 → $90.
        var next = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/withholding?gross=1000.00&period=weekly&scale=2&paidOn=2027-07-05");
        next.GetProperty("withholding").GetDecimal().ShouldBe(90m);
        next.GetProperty("table").GetString().ShouldBe("NAT1004-2027-07-01 scale 2");
        next.GetProperty("tableSource").GetString().ShouldBe("ATO NAT 1004 (test figures)");
        // The day before, this year's table still applies.
        (await admin.GetFromJsonAsync<JsonElement>("/api/payroll/withholding?gross=1000.00&period=weekly&scale=2&paidOn=2027-06-30"))
            .GetProperty("table").GetString().ShouldBe("NAT1004-2026-07-01 scale 2");
        // The new schedule replaces the old one for every scale: scale 1 has no 2027 table yet, so it is refused.
        await ProblemAssert.IsAsync(await admin.GetAsync("/api/payroll/withholding?gross=1000.00&period=weekly&scale=1&paidOn=2027-07-05"),
            (HttpStatusCode)422, "payroll-rule-not-known");
        var super = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/super?ote=1000.00&paidOn=2027-07-05&qePaidThisYear=279500.00");
        super.GetProperty("maximumContributionBase").GetDecimal().ShouldBe(280_000m);
        super.GetProperty("contribution").GetDecimal().ShouldBe(60.00m); // 12% of the $500 left under the base

        // Stored figures are never changed: the same scale and date again is a conflict.
        await ProblemAssert.IsAsync(await superadmin.PostAsJsonAsync($"{Path}/withholding", Table("2027-07-01", 2, Band(0m, null, 0.2m, 0m))), HttpStatusCode.Conflict, "conflict");
        await ProblemAssert.IsAsync(await superadmin.PostAsJsonAsync($"{Path}/super", new { effectiveFrom = "2027-07-01", rate = 0.12m, basis = "payday", maximumContributionBase = 1m, source = "x" }),
            HttpStatusCode.Conflict, "conflict");
    }

    public static TheoryData<string, string> BadTables => new()
    {
        { """{"effectiveFrom":"2030-07-01","scale":1,"source":"s","brackets":[{"from":10,"lessThan":null,"a":0.1,"b":0}]}""", "brackets[0].from" },
        { """{"effectiveFrom":"2030-07-01","scale":1,"source":"s","brackets":[{"from":0,"lessThan":300,"a":0,"b":0},{"from":350,"lessThan":null,"a":0.2,"b":10}]}""", "brackets[1].from" },
        { """{"effectiveFrom":"2030-07-01","scale":1,"source":"s","brackets":[{"from":0,"lessThan":300,"a":0,"b":0},{"from":250,"lessThan":null,"a":0.2,"b":10}]}""", "brackets[1].from" },
        { """{"effectiveFrom":"2030-07-01","scale":1,"source":"s","brackets":[{"from":0,"lessThan":300,"a":0,"b":0},{"from":300,"lessThan":900,"a":0.2,"b":10}]}""", "brackets[1].lessThan" },
        { """{"effectiveFrom":"2030-07-01","scale":1,"source":"s","brackets":[{"from":0,"lessThan":null,"a":0,"b":0},{"from":300,"lessThan":null,"a":0.2,"b":10}]}""", "brackets[0].lessThan" },
        { """{"effectiveFrom":"2030-07-01","scale":1,"source":"s","brackets":[{"from":0,"lessThan":null,"a":1.5,"b":0}]}""", "brackets[0].a" },
        { """{"effectiveFrom":"2030-07-01","scale":1,"source":"s","brackets":[]}""", "brackets" },
        { """{"effectiveFrom":"2030-07-01","scale":1,"brackets":[{"from":0,"lessThan":null,"a":0.1,"b":0}]}""", "source" },
        { """{"effectiveFrom":"2030-07-01","scale":7,"source":"s"}""", "scale" },
        { """{"scale":1,"source":"s","brackets":[{"from":0,"lessThan":null,"a":0.1,"b":0}]}""", "effectiveFrom" },
        { """{"effectiveFrom":"2026-09-01","scale":1,"source":"s","brackets":[{"from":0,"lessThan":null,"a":0.1,"b":0}]}""", "effectiveFrom" },
        { """{"effectiveFrom":"2030-07-01","scale":4,"source":"s","noTfnResidentRate":0.47}""", "noTfnForeignRate" },
    };

    [Theory]
    [MemberData(nameof(BadTables))]
    public async Task NameTheBadPartOfATable(string body, string field)
    {
        var superadmin = await SuperadminAsync();
        await ProblemAssert.NamesFieldAsync(await superadmin.PostAsync($"{Path}/withholding", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), field);
        // Nothing half-written: the list has no 2030 table.
        (await superadmin.GetStringAsync(Path)).ShouldNotContain("2030-07-01");
    }

    [Theory]
    [InlineData("""{"effectiveFrom":"2030-08-01","rate":0.12,"basis":"payday","maximumContributionBase":300000,"source":"s"}""", "effectiveFrom")]
    [InlineData("""{"effectiveFrom":"2030-07-01","rate":12,"basis":"payday","maximumContributionBase":300000,"source":"s"}""", "rate")]
    [InlineData("""{"effectiveFrom":"2030-07-01","rate":0.12,"basis":"quarterly","maximumContributionBase":300000,"source":"s"}""", "basis")]
    [InlineData("""{"effectiveFrom":"2030-07-01","rate":0.12,"basis":"payday","maximumContributionBase":-1,"source":"s"}""", "maximumContributionBase")]
    [InlineData("""{"effectiveFrom":"2030-07-01","rate":0.12,"basis":"payday","maximumContributionBase":300000}""", "source")]
    public async Task NameTheBadPartOfASuperRule(string body, string field)
    {
        var superadmin = await SuperadminAsync();
        await ProblemAssert.NamesFieldAsync(await superadmin.PostAsync($"{Path}/super", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), field);
    }

    [Fact]
    public async Task LetOnlySuperadminsOnThePlatformSiteSeeOrChangeThem()
    {
        var table = Table("2031-07-01", 1, Band(0m, null, 0.1m, 0m));
        foreach (var email in new[] { $"admin@st-albans.{D}", $"franchise-admin@{D}", $"trainer@st-albans.{D}" })
        {
            var client = await fixture.App.SignedInAsync(email, "st-albans");
            (await client.GetAsync(SignedInClients.At("admin", Path))).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
            (await client.PostAsJsonAsync(SignedInClients.At("admin", $"{Path}/withholding"), table)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
            (await client.PostAsJsonAsync(SignedInClients.At("admin", $"{Path}/super"), new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, email);
            // On a gym's own site the platform API is not there at all.
            (await client.GetAsync(Path)).StatusCode.ShouldBe(HttpStatusCode.NotFound, email);
            var page = await client.GetAsync(SignedInClients.At("admin", "/platform/payroll/tax-tables"));
            (await page.Content.ReadAsStringAsync()).ShouldNotContain("NAT1004-2026-07-01 scale 2");
        }

        (await fixture.App.ClientFor("admin").GetAsync(Path)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var superadmin = await SuperadminAsync();
        (await superadmin.GetAsync(SignedInClients.At("st-albans", Path))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await superadmin.GetStringAsync(Path)).ShouldNotContain("2031-07-01");
    }
}

public sealed class TaxTablesOnSqliteShould(SqliteDemoAppFixture fixture) : TaxTablesShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class TaxTablesOnPostgreSqlShould(PostgresDemoAppFixture fixture) : TaxTablesShould(fixture), IClassFixture<PostgresDemoAppFixture>;
