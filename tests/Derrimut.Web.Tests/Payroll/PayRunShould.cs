using System.Text.Json;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Payroll;

/// <summary>
/// A pay run end to end over HTTP on the demo data: pay settings → the staff member's own timesheet → approval →
/// draft with working → approve → finalise → payslips → ABA file checked field by field; locking, tenant
/// isolation, bad input and a finalise race.
/// </summary>
public abstract partial class PayRunShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;
    private const string Home = "st-albans";

    private Task<HttpClient> AdminAsync(string location = Home) => fixture.App.SignedInAsync($"admin@{location}.{D}", location);

    private static object SueSettings(string bsb = "062-001", string account = "123456789", string employmentType = "casual") => new
    {
        employmentType,
        payBasis = "hourly",
        hourlyRate = 30.00m,
        payFrequency = "weekly",
        tfnProvided = true,
        claimsTaxFreeThreshold = true,
        residency = "resident",
        medicareLevyExemption = "none",
        superFundName = "Aware Super",
        superFundUsi = "FSS0100AU",
        superMemberNumber = "9001234",
        bsb,
        accountNumber = account,
        accountName = "Sue Staff",
    };

    private async Task<Guid> SueAsync(HttpClient admin)
    {
        var employees = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/employees");
        var sue = employees.EnumerateArray().Single(e => e.GetProperty("email").GetString() == DemoAppFixture.StaffEmail);
        var id = sue.GetProperty("userId").GetGuid();
        var saved = await admin.PutAsJsonAsync($"/api/payroll/employees/{id}/settings", SueSettings());
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Sue enters her own days, the admin approves them, a weekly run is created and approved.</summary>
    private async Task<JsonElement> ApprovedRunAsync(HttpClient admin, Guid sue, DateOnly monday, params (int Offset, decimal Hours)[] days)
    {
        var staff = await fixture.App.SignedInAsync(DemoAppFixture.StaffEmail, Home);
        foreach (var (offset, hours) in days)
        {
            var entered = await staff.PutAsJsonAsync($"/api/payroll/me/timesheets/{monday.AddDays(offset):yyyy-MM-dd}", new { ordinaryHours = hours });
            entered.StatusCode.ShouldBe(HttpStatusCode.OK, await entered.Content.ReadAsStringAsync());
        }

        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/payroll/timesheets?from={monday:yyyy-MM-dd}&to={monday.AddDays(6):yyyy-MM-dd}&userId={sue}");
        listed.EnumerateArray().ShouldAllBe(d => d.GetProperty("status").GetString() == "submitted");
        var approved = await admin.PostAsJsonAsync("/api/payroll/timesheets/approve", new { entryIds = listed.EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToArray() });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());

        var created = await admin.PostAsJsonAsync("/api/payroll/pay-runs", new { frequency = "weekly", periodStart = monday, periodEnd = monday.AddDays(6), paidOn = monday.AddDays(9) });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var run = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = run.GetProperty("run").GetProperty("id").GetGuid();
        var approvedRun = await admin.PostAsync($"/api/payroll/pay-runs/{id}/approve", null);
        approvedRun.StatusCode.ShouldBe(HttpStatusCode.OK, await approvedRun.Content.ReadAsStringAsync());
        return run;
    }

    [Fact]
    public async Task PayTimesheetsThroughToPayslipsAndAnAbaFile()
    {
        var admin = await AdminAsync();
        var sue = await SueAsync(admin);
        // Week of ANZAC Day (Saturday 25 April 2026, a public holiday in the seeded Victorian list):
        // Monday 8 h (weekday), Saturday 4 h (public holiday beats Saturday), Sunday 3 h.
        var draft = await ApprovedRunAsync(admin, sue, new DateOnly(2026, 4, 20), (0, 8m), (5, 4m), (6, 3m));
        var runId = draft.GetProperty("run").GetProperty("id").GetGuid();
        var number = draft.GetProperty("run").GetProperty("number").GetInt32();

        // Review: the working is shown.
        var slip = draft.GetProperty("payslips").EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == sue);
        var lines = slip.GetProperty("lines").EnumerateArray().ToList();
        lines.Count.ShouldBe(3);
        // Casual base $30.00: weekday 125% = $37.50 × 8; public holiday 275% = $82.50 × 4; Sunday 175% = $52.50 × 3.
        lines.Select(l => (l.GetProperty("date").GetString(), l.GetProperty("hours").GetDecimal(), l.GetProperty("multiplier").GetDecimal(), l.GetProperty("rate").GetDecimal(), l.GetProperty("amount").GetDecimal()))
            .ShouldBe([("2026-04-20", 8m, 1.25m, 37.50m, 300.00m), ("2026-04-25", 4m, 2.75m, 82.50m, 330.00m), ("2026-04-26", 3m, 1.75m, 52.50m, 157.50m)]);
        slip.GetProperty("hours").GetDecimal().ShouldBe(15m);
        slip.GetProperty("gross").GetDecimal().ShouldBe(787.50m);
        // NAT 1004 from 1 July 2024, scale 2, x = 787.99 < 865: 0.1890 × 787.99 − 64.3365 = 84.59 → $85.
        slip.GetProperty("withholding").GetDecimal().ShouldBe(85m);
        slip.GetProperty("withholdingTable").GetString()!.ShouldContain("2024");
        slip.GetProperty("withholdingWorking").GetArrayLength().ShouldBeGreaterThan(2);
        // Paid 29 April 2026: 12% of $787.50 ordinary time earnings.
        slip.GetProperty("super").GetDecimal().ShouldBe(94.50m);
        slip.GetProperty("net").GetDecimal().ShouldBe(702.50m);

        var finalised = await admin.PostAsync($"/api/payroll/pay-runs/{runId}/finalise", null);
        finalised.StatusCode.ShouldBe(HttpStatusCode.OK, await finalised.Content.ReadAsStringAsync());
        (await finalised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run").GetProperty("status").GetString().ShouldBe("finalised");

        // The employee sees her payslip, with the employer's ABN and the financial year to date.
        var staff = await fixture.App.SignedInAsync(DemoAppFixture.StaffEmail, Home);
        var mine = await staff.GetFromJsonAsync<JsonElement>("/api/payroll/me/payslips");
        var payslip = mine.EnumerateArray().Single(p => p.GetProperty("payRunId").GetGuid() == runId);
        payslip.GetProperty("employerAbn").GetString().ShouldBe("51 917 329 202");
        payslip.GetProperty("employerName").GetString().ShouldBe("Derrimut 24:7 Gym St Albans");
        payslip.GetProperty("periodStart").GetString().ShouldBe("2026-04-20");
        payslip.GetProperty("yearToDate").GetProperty("financialYear").GetString().ShouldBe("2025-26");
        payslip.GetProperty("yearToDate").GetProperty("gross").GetDecimal().ShouldBeGreaterThanOrEqualTo(787.50m);
        payslip.GetProperty("bankAccount").GetString().ShouldBe("BSB •••-••• account •••789");
        var payslipId = payslip.GetProperty("id").GetGuid();
        (await staff.GetAsync($"/api/payroll/me/payslips/{payslipId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Someone else's payslip is not there for a trainer.
        var trainer = await fixture.App.SignedInAsync($"trainer@st-albans.{D}", Home);
        (await trainer.GetAsync($"/api/payroll/me/payslips/{payslipId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await trainer.GetAsync($"/api/payroll/pay-runs/{runId}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // ABA: descriptive record, one credit, file total; every field checked. Employer details are the demo's.
        var aba = await admin.GetAsync($"/api/payroll/pay-runs/{runId}/aba");
        aba.StatusCode.ShouldBe(HttpStatusCode.OK, await aba.Content.ReadAsStringAsync());
        var records = (await aba.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        records.Length.ShouldBe(3);
        records.ShouldAllBe(r => r.Length == 120);
        var header = records[0];
        Field(header, 1, 1).ShouldBe("0");
        Field(header, 2, 18).ShouldBe(new string(' ', 17));
        Field(header, 19, 20).ShouldBe("01");
        Field(header, 21, 23).ShouldBe("CBA");
        Field(header, 24, 30).ShouldBe(new string(' ', 7));
        Field(header, 31, 56).ShouldBe("DERRIMUT 24 7 ST ALBANS".PadRight(26));
        Field(header, 57, 62).ShouldBe("301500");
        Field(header, 63, 74).ShouldBe("PAYROLL     ");
        Field(header, 75, 80).ShouldBe("290426");
        Field(header, 81, 120).ShouldBe(new string(' ', 40));
        var detail = records[1];
        Field(detail, 1, 1).ShouldBe("1");
        Field(detail, 2, 8).ShouldBe("062-001");
        Field(detail, 9, 17).ShouldBe("123456789");
        Field(detail, 18, 18).ShouldBe(" ");
        Field(detail, 19, 20).ShouldBe("53");
        Field(detail, 21, 30).ShouldBe("0000070250");
        Field(detail, 31, 62).ShouldBe("Sue Staff".PadRight(32));
        Field(detail, 63, 80).ShouldBe($"PAY 20260429 R{number}".PadRight(18));
        Field(detail, 81, 87).ShouldBe("063-021");
        Field(detail, 88, 96).ShouldBe(" 10452198");
        Field(detail, 97, 112).ShouldBe("DERRIMUT STALB".PadRight(16));
        Field(detail, 113, 120).ShouldBe("00000000");
        var total = records[2];
        Field(total, 1, 1).ShouldBe("7");
        Field(total, 2, 8).ShouldBe("999-999");
        Field(total, 9, 20).ShouldBe(new string(' ', 12));
        Field(total, 21, 30).ShouldBe("0000070250");
        Field(total, 31, 40).ShouldBe("0000070250");
        Field(total, 41, 50).ShouldBe("0000000000");
        Field(total, 51, 74).ShouldBe(new string(' ', 24));
        Field(total, 75, 80).ShouldBe("000001");
        Field(total, 81, 120).ShouldBe(new string(' ', 40));

        var csv = await admin.GetStringAsync($"/api/payroll/pay-runs/{runId}/csv");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "Employee,Period start,Period end,Paid on,Hours,Gross,PAYG withheld,Super guarantee,Net pay",
            "Sue Staff,2026-04-20,2026-04-26,2026-04-29,15,787.50,85.00,94.50,702.50",
        ]);
    }

    [Fact]
    public async Task LockAFinalisedRun()
    {
        var admin = await AdminAsync();
        var sue = await SueAsync(admin);
        var monday = new DateOnly(2026, 5, 4);
        var run = await ApprovedRunAsync(admin, sue, monday, (1, 6m));
        var id = run.GetProperty("run").GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/payroll/pay-runs/{id}/finalise", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await ProblemAssert.IsAsync(await admin.PostAsync($"/api/payroll/pay-runs/{id}/recalculate", null), HttpStatusCode.Conflict, "conflict");
        await ProblemAssert.IsAsync(await admin.PostAsync($"/api/payroll/pay-runs/{id}/approve", null), HttpStatusCode.Conflict, "conflict");
        await ProblemAssert.IsAsync(await admin.DeleteAsync($"/api/payroll/pay-runs/{id}"), HttpStatusCode.Conflict, "conflict");
        // Its hours are locked too, for the employee and the admin.
        var staff = await fixture.App.SignedInAsync(DemoAppFixture.StaffEmail, Home);
        await ProblemAssert.IsAsync(await staff.PutAsJsonAsync($"/api/payroll/me/timesheets/{monday.AddDays(1):yyyy-MM-dd}", new { ordinaryHours = 9m }), HttpStatusCode.Conflict, "conflict");
        await ProblemAssert.IsAsync(await admin.PutAsJsonAsync($"/api/payroll/timesheets/{sue}/{monday.AddDays(1):yyyy-MM-dd}", new { ordinaryHours = 9m }), HttpStatusCode.Conflict, "conflict");
        // A second regular run for the same period is refused; an adjusting run pays a late day.
        await ProblemAssert.IsAsync(await admin.PostAsJsonAsync("/api/payroll/pay-runs", new { frequency = "weekly", periodStart = monday, periodEnd = monday.AddDays(6), paidOn = monday.AddDays(9) }),
            HttpStatusCode.Conflict, "conflict");
        var late = await admin.PutAsJsonAsync($"/api/payroll/timesheets/{sue}/{monday.AddDays(2):yyyy-MM-dd}", new { ordinaryHours = 4m });
        var lateId = (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PostAsJsonAsync("/api/payroll/timesheets/approve", new { entryIds = new[] { lateId } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var adjusting = await admin.PostAsJsonAsync("/api/payroll/pay-runs", new { adjustsRunId = id, paidOn = monday.AddDays(16) });
        adjusting.StatusCode.ShouldBe(HttpStatusCode.Created, await adjusting.Content.ReadAsStringAsync());
        var adjusted = await adjusting.Content.ReadFromJsonAsync<JsonElement>();
        adjusted.GetProperty("run").GetProperty("isAdjustment").GetBoolean().ShouldBeTrue();
        var slip = adjusted.GetProperty("payslips").EnumerateArray().Single();
        slip.GetProperty("hours").GetDecimal().ShouldBe(4m);
        slip.GetProperty("gross").GetDecimal().ShouldBe(150.00m); // 4 × $37.50
    }

    [Fact]
    public async Task FinaliseOnceWhenTwoAdminsRace()
    {
        var admin = await AdminAsync();
        var sue = await SueAsync(admin);
        var run = await ApprovedRunAsync(admin, sue, new DateOnly(2026, 5, 11), (0, 5m), (2, 5m));
        var id = run.GetProperty("run").GetProperty("id").GetGuid();
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AdminAsync()));
        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/payroll/pay-runs/{id}/finalise", null)));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3, string.Join(", ", responses.Select(r => r.StatusCode)));
        var timesheets = await admin.GetFromJsonAsync<JsonElement>($"/api/payroll/timesheets?from=2026-05-11&to=2026-05-17&userId={sue}");
        timesheets.EnumerateArray().ShouldAllBe(d => d.GetProperty("status").GetString() == "paid");
    }

    [Fact]
    public async Task ShowWerribeeNothingOfStAlbansPayroll()
    {
        var stAlbans = await AdminAsync();
        var runs = await stAlbans.GetFromJsonAsync<JsonElement>("/api/payroll/pay-runs");
        var run = runs.EnumerateArray().First(r => r.GetProperty("employees").GetInt32() > 0);
        var runId = run.GetProperty("id").GetGuid();
        var detail = await stAlbans.GetFromJsonAsync<JsonElement>($"/api/payroll/pay-runs/{runId}");
        var payslipId = detail.GetProperty("payslips").EnumerateArray().First().GetProperty("id").GetGuid();
        var stAlbansPeople = (await stAlbans.GetFromJsonAsync<JsonElement>("/api/payroll/employees")).EnumerateArray().Select(e => e.GetProperty("userId").GetGuid()).ToList();

        var werribee = await AdminAsync("werribee");
        (await werribee.GetAsync($"/api/payroll/pay-runs/{runId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await werribee.GetAsync($"/api/payroll/pay-runs/{runId}/aba")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await werribee.GetAsync($"/api/payroll/pay-runs/{runId}/csv")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await werribee.GetAsync($"/api/payroll/payslips/{payslipId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await werribee.PostAsync($"/api/payroll/pay-runs/{runId}/finalise", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await werribee.DeleteAsync($"/api/payroll/pay-runs/{runId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var werribeeRuns = await werribee.GetStringAsync("/api/payroll/pay-runs");
        werribeeRuns.ShouldNotContain(runId.ToString());
        var werribeeEmployees = await werribee.GetFromJsonAsync<JsonElement>("/api/payroll/employees");
        werribeeEmployees.GetArrayLength().ShouldBeGreaterThan(0);
        werribeeEmployees.EnumerateArray().Select(e => e.GetProperty("userId").GetGuid()).Intersect(stAlbansPeople).ShouldBeEmpty();
        // A st-albans person's settings can't be written from werribee.
        var stAlbansTrainer = stAlbansPeople.First();
        (await werribee.PutAsJsonAsync($"/api/payroll/employees/{stAlbansTrainer}/settings", SueSettings())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var werribeeSheets = await werribee.GetStringAsync("/api/payroll/timesheets?from=2026-06-01&to=2026-06-28");
        stAlbansPeople.ShouldAllBe(p => !werribeeSheets.Contains(p.ToString(), StringComparison.Ordinal));
        // And the st-albans admin gets nothing at werribee.
        (await stAlbans.GetAsync(SignedInClients.At("werribee", "/api/payroll/pay-runs"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("bsb", "12-345", "123456789", "casual")]
    [InlineData("accountNumber", "062-001", "12ab", "casual")]
    [InlineData("employmentType", "062-001", "123456789", "contractor")]
    public async Task NameTheBadPaySetting(string field, string bsb, string account, string employmentType)
    {
        var admin = await AdminAsync();
        var sue = await SueAsync(admin);
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync($"/api/payroll/employees/{sue}/settings", SueSettings(bsb, account, employmentType)), field);
    }

    [Fact]
    public async Task NameOtherBadInput()
    {
        var admin = await AdminAsync();
        var sue = await SueAsync(admin);
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync($"/api/payroll/timesheets/{sue}/2026-05-01", new { ordinaryHours = 25m }), "ordinaryHours");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync($"/api/payroll/timesheets/{sue}/01-05-2026", new { ordinaryHours = 2m }), "date");
        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/payroll/pay-runs", new { frequency = "weekly", periodStart = "2026-03-02", periodEnd = "2026-03-09", paidOn = "2026-03-11" }), "periodEnd");
        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/payroll/pay-runs", new { frequency = "daily" }), "frequency");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync("/api/payroll/employer", new { abn = "12 345 678 901", financialInstitution = "CBA", apcaUserId = "301500", userName = "X", bsb = "063-021", accountNumber = "10452198", remitterName = "X" }), "abn");
        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/payroll/pay-runs", new { }), "periodStart");
        // A payment date with no known super maximum contribution base (2027-28) leaves nobody payable: refused, naming paidOn.
        await ProblemAssert.NamesFieldAsync(await admin.PostAsJsonAsync("/api/payroll/pay-runs", new { frequency = "fortnightly", periodStart = "2027-07-05", periodEnd = "2027-07-18", paidOn = "2027-07-21" }), "paidOn");
    }

    [Fact]
    public async Task RenderThePayrollPagesForWhoMayUseThem()
    {
        var admin = await AdminAsync();
        var runs = await admin.GetStringAsync("/admin/payroll/runs");
        runs.ShouldContain("Pay runs");
        runs.ShouldContain("Run 1");
        var settings = await admin.GetStringAsync("/admin/payroll");
        settings.ShouldContain("Tara Trainer");
        settings.ShouldContain("Scale 2: tax-free threshold claimed");
        (await admin.GetStringAsync("/admin/payroll/employer")).ShouldContain("51 917 329 202");
        (await admin.GetStringAsync("/admin/payroll/calculator")).ShouldContain("PAYG withholding");
        (await admin.GetStringAsync("/admin/payroll/timesheets")).ShouldContain("Waiting for approval");

        var trainer = await fixture.App.SignedInAsync($"trainer@st-albans.{D}", Home);
        var payslips = await trainer.GetStringAsync("/payslips");
        payslips.ShouldContain("My payslips");
        payslips.ShouldContain("href=\"/payslips/"); // the June 2026 demo payslip
        payslips.ShouldNotContain("Admin st-albans");
        (await trainer.GetStringAsync("/timesheet")).ShouldContain("My timesheet");
        var refused = await trainer.GetAsync("/admin/payroll/runs");
        (await refused.Content.ReadAsStringAsync()).ShouldNotContain("Run 1");
    }

    private static string Field(string record, int from, int to) => record[(from - 1)..to];
}

public sealed class PayRunOnSqliteShould(SqliteDemoAppFixture fixture) : PayRunShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class PayRunOnPostgreSqlShould(PostgresDemoAppFixture fixture) : PayRunShould(fixture), IClassFixture<PostgresDemoAppFixture>;
