using System.Globalization;
using System.Text.Json;
using Derrimut.Payroll.Seeding;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Payroll;

/// <summary>
/// Payday Super and dated tables in pay runs over HTTP: a run paid 30 June vs 1 July 2026, a high earner crossing the
/// annual maximum contribution base, an adjusting run after finalising, a missing table that names the employee while
/// the others are paid, the super contributions export, and the demo's runs up to the last completed fortnight.
/// </summary>
public abstract partial class PayRunShould
{
    private async Task<Guid> InviteAsync(HttpClient admin, string email, string name)
    {
        var invited = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email, displayName = name, roles = new[] { "staff" } });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        return (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetGuid();
    }

    private static async Task SaveSalaryAsync(HttpClient admin, Guid userId, string name, decimal salary, string frequency, string medicare = "none")
    {
        var saved = await admin.PutAsJsonAsync($"/api/payroll/employees/{userId}/settings", new
        {
            employmentType = "full-time",
            payBasis = "salary",
            annualSalary = salary,
            payFrequency = frequency,
            tfnProvided = true,
            claimsTaxFreeThreshold = true,
            residency = "resident",
            medicareLevyExemption = medicare,
            superFundName = "Hostplus",
            superFundUsi = "HOS0001AU",
            superMemberNumber = "77712345",
            bsb = "083-004",
            accountNumber = "55512345",
            accountName = name,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> CreateRunAsync(HttpClient admin, object body)
    {
        var created = await admin.PostAsJsonAsync("/api/payroll/pay-runs", body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await created.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> FinaliseAsync(HttpClient admin, JsonElement run)
    {
        var id = run.GetProperty("run").GetProperty("id").GetGuid();
        (await admin.PostAsync($"/api/payroll/pay-runs/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var finalised = await admin.PostAsync($"/api/payroll/pay-runs/{id}/finalise", null);
        finalised.StatusCode.ShouldBe(HttpStatusCode.OK, await finalised.Content.ReadAsStringAsync());
        return await finalised.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The admin enters and approves Sue's hours on the given days.</summary>
    private static async Task ApproveHoursAsync(HttpClient admin, Guid sue, params (DateOnly Date, decimal Hours)[] days)
    {
        var ids = new List<Guid>();
        foreach (var (date, hours) in days)
        {
            var saved = await admin.PutAsJsonAsync($"/api/payroll/timesheets/{sue}/{date:yyyy-MM-dd}", new { ordinaryHours = hours });
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            ids.Add((await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        (await admin.PostAsJsonAsync("/api/payroll/timesheets/approve", new { entryIds = ids })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static JsonElement SlipOf(JsonElement run, Guid userId) =>
        run.GetProperty("payslips").EnumerateArray().Single(p => p.GetProperty("userId").GetGuid() == userId);

    [Fact]
    public async Task PayAQuarterlySuperRunOn30JuneAndAPaydaySuperRunOn1July2026()
    {
        var admin = await AdminAsync();
        var sue = await SueAsync(admin);
        await ApproveHoursAsync(admin, sue, (new DateOnly(2026, 6, 16), 8m), (new DateOnly(2026, 6, 23), 8m));

        var june = await CreateRunAsync(admin, new { frequency = "weekly", periodStart = "2026-06-15", periodEnd = "2026-06-21", paidOn = "2026-06-30" });
        var july = await CreateRunAsync(admin, new { frequency = "weekly", periodStart = "2026-06-22", periodEnd = "2026-06-28", paidOn = "2026-07-01" });

        // Same pay ($300 for 8 casual hours), a day apart: 12% either way, but a different basis and due date.
        var before = SlipOf(june, sue);
        before.GetProperty("super").GetDecimal().ShouldBe(36.00m);
        before.GetProperty("superBasis").GetString().ShouldBe("quarterly");
        before.GetProperty("superDueOn").GetString().ShouldBe("2026-07-28");
        june.GetProperty("run").GetProperty("superDueOn").GetString().ShouldBe("2026-07-28");
        before.GetProperty("superWorking").EnumerateArray().First().GetString()!.ShouldContain("quarter Apr–Jun 2026");
        before.GetProperty("withholdingTable").GetString()!.ShouldContain("2024");

        var after = SlipOf(july, sue);
        after.GetProperty("super").GetDecimal().ShouldBe(36.00m);
        after.GetProperty("superBasis").GetString().ShouldBe("payday");
        after.GetProperty("superDueOn").GetString().ShouldBe("2026-07-08");
        july.GetProperty("run").GetProperty("superDueOn").GetString().ShouldBe("2026-07-08");
        after.GetProperty("superWorking").EnumerateArray().Select(s => s.GetString()).ShouldContain("The fund must receive it by 2026-07-08 (payday + 7 days).");
        after.GetProperty("withholdingTable").GetString()!.ShouldContain("2026");
        july.GetProperty("notCalculated").GetArrayLength().ShouldBe(0);

        // The pay run page shows the due date.
        var id = july.GetProperty("run").GetProperty("id").GetGuid();
        (await admin.GetStringAsync($"/admin/payroll/runs/{id}")).ShouldContain("Payday Super: payday &#x2B; 7 days"); // Razor encodes the plus sign
    }

    [Fact]
    public async Task StopSuperForAHighEarnerOnceTheAnnualBaseIsReached()
    {
        var admin = await AdminAsync();
        var hugh = await InviteAsync(admin, $"hugh.earner@st-albans.{D}", "Hugh Earner");
        await SaveSalaryAsync(admin, hugh, "Hugh Earner", 1_200_000m, "monthly");

        // $100,000 a month: July and August attract 12% in full; September crosses $270,830; October attracts none.
        var expected = new (string Start, string End, decimal Super, string Due)[]
        {
            ("2026-07-01", "2026-07-31", 12_000.00m, "2026-08-07"),
            ("2026-08-01", "2026-08-31", 12_000.00m, "2026-09-07"),
            ("2026-09-01", "2026-09-30", 8_499.60m, "2026-10-07"), // 12% × ($270,830 − $200,000)
            ("2026-10-01", "2026-10-31", 0.00m, "2026-11-07"),
        };
        JsonElement slip = default;
        foreach (var (start, end, super, due) in expected)
        {
            var run = await FinaliseAsync(admin, await CreateRunAsync(admin, new { frequency = "monthly", periodStart = start, periodEnd = end, paidOn = end }));
            slip = SlipOf(run, hugh);
            slip.GetProperty("gross").GetDecimal().ShouldBe(100_000.00m);
            slip.GetProperty("super").GetDecimal().ShouldBe(super, $"paid {end}");
            slip.GetProperty("superDueOn").GetString().ShouldBe(due);
        }

        slip.GetProperty("yearToDate").GetProperty("super").GetDecimal().ShouldBe(32_499.60m);
        slip.GetProperty("superWorking").EnumerateArray().Select(s => s.GetString()!).ShouldContain(s => s.Contains("no further super guarantee", StringComparison.Ordinal));

        // The crossing run's export carries the partial amount, with the fund, the member and the TFN flag (never a TFN).
        var runs = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/pay-runs");
        var september = runs.EnumerateArray().Single(r => r.GetProperty("frequency").GetString() == "monthly" && r.GetProperty("periodStart").GetString() == "2026-09-01");
        var csv = await admin.GetStringAsync($"/api/payroll/pay-runs/{september.GetProperty("id").GetGuid()}/super-contributions");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe(
        [
            "Employee,Fund name,Fund ABN,Fund USI,Member number,TFN provided,Qualifying earnings,Super guarantee,Period start,Period end,Payday,Due date",
            "Hugh Earner,Hostplus,,HOS0001AU,77712345,Y,100000.00,8499.60,2026-09-01,2026-09-30,2026-09-30,2026-10-07",
        ]);
        // October paid no super, so it has nothing to send.
        var october = runs.EnumerateArray().Single(r => r.GetProperty("frequency").GetString() == "monthly" && r.GetProperty("periodStart").GetString() == "2026-10-01");
        (await admin.GetStringAsync($"/api/payroll/pay-runs/{october.GetProperty("id").GetGuid()}/super-contributions"))
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    [Fact]
    public async Task PaySuperOnAnAdjustingRunWithItsOwnDueDate()
    {
        var admin = await AdminAsync();
        var sue = await SueAsync(admin);
        var monday = new DateOnly(2026, 8, 3);
        await ApproveHoursAsync(admin, sue, (monday, 8m));
        var original = await FinaliseAsync(admin, await CreateRunAsync(admin, new { frequency = "weekly", periodStart = monday, periodEnd = monday.AddDays(6), paidOn = "2026-08-12" }));
        SlipOf(original, sue).GetProperty("superDueOn").GetString().ShouldBe("2026-08-19");

        // A day that was approved late is paid by an adjusting run a week later: super on the extra $150 only,
        // with this financial year's qualifying earnings (the original run included) counted against the base.
        await ApproveHoursAsync(admin, sue, (monday.AddDays(2), 4m));
        var adjusting = await CreateRunAsync(admin, new { adjustsRunId = original.GetProperty("run").GetProperty("id").GetGuid(), paidOn = "2026-08-19" });
        var slip = SlipOf(adjusting, sue);
        slip.GetProperty("gross").GetDecimal().ShouldBe(150.00m);
        slip.GetProperty("super").GetDecimal().ShouldBe(18.00m);
        slip.GetProperty("superDueOn").GetString().ShouldBe("2026-08-26");
        var working = slip.GetProperty("superWorking").EnumerateArray().Select(s => s.GetString()!).ToList();
        working.ShouldContain(s => s.Contains("already paid this financial year", StringComparison.Ordinal) && !s.Contains("already paid this financial year: $0.00", StringComparison.Ordinal));

        var finalised = await FinaliseAsync(admin, adjusting);
        var csv = await admin.GetStringAsync($"/api/payroll/pay-runs/{finalised.GetProperty("run").GetProperty("id").GetGuid()}/super-contributions");
        csv.ShouldContain("Sue Staff,Aware Super,,FSS0100AU,9001234,Y,150.00,18.00,2026-08-03,2026-08-09,2026-08-19,2026-08-26");
    }

    [Fact]
    public async Task NameTheEmployeeAMissingTableLeavesOutAndPayTheOthers()
    {
        var admin = await AdminAsync();
        var medi = await InviteAsync(admin, $"medi.exempt@st-albans.{D}", "Medi Exempt");
        var quinn = await InviteAsync(admin, $"quinn.quarterly@st-albans.{D}", "Quinn Quarterly");
        await SaveSalaryAsync(admin, medi, "Medi Exempt", 60_000m, "quarterly", medicare: "full"); // scale 5
        await SaveSalaryAsync(admin, quinn, "Quinn Quarterly", 52_000m, "quarterly");

        // Scale 5 has no table for payments from 1 July 2026 (not known here): Medi is named, Quinn is paid.
        var run = await CreateRunAsync(admin, new { frequency = "quarterly", periodStart = "2026-10-01", periodEnd = "2026-12-31", paidOn = "2026-12-31" });
        run.GetProperty("payslips").EnumerateArray().Select(p => p.GetProperty("employeeName").GetString()).ShouldBe(["Quinn Quarterly"]);
        var missing = run.GetProperty("notCalculated").EnumerateArray().Single();
        missing.GetProperty("employeeName").GetString().ShouldBe("Medi Exempt");
        missing.GetProperty("rule").GetString().ShouldBe("PAYG withholding scale 5");
        missing.GetProperty("reason").GetString()!.ShouldContain("NAT1004-2026-07-01");
        run.GetProperty("warnings").EnumerateArray().ShouldContain(w => w.GetString()!.Contains("Medi Exempt", StringComparison.Ordinal));
        var id = run.GetProperty("run").GetProperty("id").GetGuid();
        (await admin.GetStringAsync($"/admin/payroll/runs/{id}")).ShouldContain("Not calculated: Medi Exempt");

        // A superadmin adds scale 5 to the 2026-07-01 schedule; the draft, recalculated, pays Medi too — no release.
        var superadmin = await fixture.App.SignedInAsync($"superadmin@{D}", "admin");
        var added = await superadmin.PostAsJsonAsync("/api/platform/payroll/tax-tables/withholding", new
        {
            effectiveFrom = "2026-07-01",
            scale = 5,
            source = "Test figures standing in for the ATO's 2026-27 scale 5 coefficients",
            brackets = new object[]
            {
                new { from = 0m, lessThan = 362m, a = 0m, b = 0m },
                new { from = 362m, lessThan = 721m, a = 0.15m, b = 54.3462m },
                new { from = 721m, lessThan = (decimal?)null, a = 0.30m, b = 162.50m },
            },
        });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var recalculated = await admin.PostAsync($"/api/payroll/pay-runs/{id}/recalculate", null);
        recalculated.StatusCode.ShouldBe(HttpStatusCode.OK, await recalculated.Content.ReadAsStringAsync());
        var detail = await recalculated.Content.ReadFromJsonAsync<JsonElement>();
        detail.GetProperty("notCalculated").GetArrayLength().ShouldBe(0);
        SlipOf(detail, medi).GetProperty("withholdingTable").GetString().ShouldBe("NAT1004-2026-07-01 scale 5");
        SlipOf(detail, quinn).GetProperty("gross").GetDecimal().ShouldBe(13_000.00m);
    }

    [Fact]
    public async Task RefuseASuperExportForAnUnfinishedRunOrAnotherGym()
    {
        var admin = await AdminAsync();
        var runs = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/pay-runs");
        var finalised = runs.EnumerateArray().First(r => r.GetProperty("status").GetString() == "finalised").GetProperty("id").GetGuid();
        (await admin.GetAsync($"/api/payroll/pay-runs/{finalised}/super-contributions")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await AdminAsync("werribee")).GetAsync($"/api/payroll/pay-runs/{finalised}/super-contributions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var trainer = await fixture.App.SignedInAsync($"trainer@st-albans.{D}", Home);
        (await trainer.GetAsync($"/api/payroll/pay-runs/{finalised}/super-contributions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var sue = await SueAsync(admin);
        var draft = await ApprovedRunAsync(admin, sue, new DateOnly(2026, 9, 7), (1, 3m));
        await ProblemAssert.IsAsync(await admin.GetAsync($"/api/payroll/pay-runs/{draft.GetProperty("run").GetProperty("id").GetGuid()}/super-contributions"),
            HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task ShowFinalisedDemoRunsUpToTheLastCompletedFortnight()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        var expected = PayrollSeeder.DemoFortnights(today);
        var admin = await AdminAsync();
        var runs = (await admin.GetFromJsonAsync<JsonElement>("/api/payroll/pay-runs")).EnumerateArray()
            .Where(r => r.GetProperty("frequency").GetString() == "fortnightly" && !r.GetProperty("isAdjustment").GetBoolean()).ToList();
        runs.Select(r => r.GetProperty("periodStart").GetString()).Order(StringComparer.Ordinal)
            .ShouldBe(expected.Select(f => f.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        runs.ShouldAllBe(r => r.GetProperty("status").GetString() == "finalised");
        var last = expected[^1];
        last.Start.AddDays(13).ShouldBeLessThan(today);
        last.Start.AddDays(27).ShouldBeGreaterThanOrEqualTo(today); // the next fortnight is not over yet

        // The trainer's latest payslip has a year to date built from every run this financial year.
        var trainer = await fixture.App.SignedInAsync($"trainer@st-albans.{D}", Home);
        var payslips = await trainer.GetFromJsonAsync<JsonElement>("/api/payroll/me/payslips");
        var latest = payslips.EnumerateArray().First();
        latest.GetProperty("paidOn").GetString().ShouldBe(last.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var inThisYear = payslips.EnumerateArray().Where(p => p.GetProperty("yearToDate").GetProperty("financialYear").GetString() == latest.GetProperty("yearToDate").GetProperty("financialYear").GetString()).ToList();
        latest.GetProperty("yearToDate").GetProperty("gross").GetDecimal().ShouldBe(inThisYear.Sum(p => p.GetProperty("gross").GetDecimal()));
        latest.GetProperty("superBasis").GetString().ShouldBe("payday");
        latest.GetProperty("superDueOn").GetString().ShouldBe(last.PaidOn.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // The runs page suggests the fortnight after the last one paid, not a period already paid.
        (await admin.GetStringAsync("/admin/payroll/runs")).ShouldContain($"value=\"{last.Start.AddDays(14):yyyy-MM-dd}\"");
    }
}
