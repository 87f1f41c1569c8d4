using Derrimut.BuildingBlocks.Money;
using Derrimut.Identity.Contracts;
using Derrimut.Reporting.Contracts;
using static Derrimut.Reporting.Tests.ReportingKit;

namespace Derrimut.Reporting.Tests;

/// <summary>
/// The dashboard and reports through the HTTP API on each provider. Every test opens its own gym so its figures are
/// exactly the rows it placed; rows of the same kinds at the franchise's other gym and at another franchise's gym
/// must never count.
/// </summary>
public abstract partial class ReportingShould(ReportingFixture fixture)
{
    private const string Members = "Derrimut.Memberships.Domain.Membership";
    private const string Plans = "Derrimut.Memberships.Domain.Plan";
    private const string Ledger = "Derrimut.Memberships.Domain.LedgerEntry";
    private const string CheckIns = "Derrimut.Bookings.Domain.Access.CheckIn";
    private const string Trainers = "Derrimut.Bookings.Domain.Trainers.Trainer";
    private const string SessionTypes = "Derrimut.Bookings.Domain.Sessions.SessionType";
    private const string Sessions = "Derrimut.Bookings.Domain.Sessions.PtSession";
    private const string ClassTypes = "Derrimut.Bookings.Domain.Classes.ClassType";
    private const string Classes = "Derrimut.Bookings.Domain.Classes.ClassOccurrence";
    private const string Webhooks = "Derrimut.Billing.Data.WebhookInboxEvent";

    // Contract enums by number: MembershipStatus active 2, past_due 3, cancelled 4; ledger charge 1, refund 2, failed 3;
    // BookingStatus confirmed 2, cancelled 3, completed 4; payment paid 2; webhook state processed 1, parked 4.
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private DerrimutWebFactory App => fixture.App;

    private async Task<TestTenant> GymAsync() =>
        await TenantBuilder.CreateLocationAsync(App.PlatformClient(), $"r-{Guid.NewGuid():N}"[..14], fixture.FranchiseA.Id);

    private static object Membership(Guid planId, int status, DateTimeOffset? started, DateTimeOffset? ended = null, bool frozen = false, string plan = "flexi") => new
    {
        UserId = Guid.NewGuid(), PlanId = planId, PlanCode = plan, Status = status, StartedAt = started, EndedAt = ended, IsFrozen = frozen,
    };

    /// <summary>A plan at the gym for memberships to hang on.</summary>
    private async Task<Guid> PlanAsync(Guid gymId)
    {
        var id = Guid.CreateVersion7();
        await AddRowsAsync(App, gymId, Plans, new { Id = id, Code = $"flexi-{Guid.NewGuid():N}"[..14], Name = "Flexi", PriceCents = 2200L, IntervalUnit = 1 });
        return id;
    }

    private static object LedgerLine(int kind, DateTimeOffset at, long cents, long gst) => new
    {
        UserId = Guid.NewGuid(), Kind = kind, OccurredAt = at, AmountCents = cents, GstCents = gst, Description = "Flexi membership", Reference = Guid.NewGuid().ToString("N"),
    };

    private static object CheckIn(DateTimeOffset at, Guid home) => new { PersonId = Guid.NewGuid(), HomeLocationId = home, At = at, Place = "desk" };

    /// <summary>A trainer, a session type and a class type at the gym; returns the trainer's and types' ids.</summary>
    private async Task<(Guid Trainer, Guid SessionType, Guid ClassType)> BookingsSetUpAsync(TestTenant gym)
    {
        var trainer = Guid.CreateVersion7();
        var sessionType = Guid.CreateVersion7();
        var classType = Guid.CreateVersion7();
        await AddRowsAsync(App, gym.Id, Trainers, new { Id = trainer, PersonId = Guid.NewGuid(), DisplayName = "Tess Trainer" });
        await AddRowsAsync(App, gym.Id, SessionTypes, new { Id = sessionType, Code = $"pt-{Guid.NewGuid():N}"[..12], Name = "PT", DefaultMinutes = 60, DefaultPriceCents = 9999L });
        await AddRowsAsync(App, gym.Id, ClassTypes, new { Id = classType, Name = $"Spin {Guid.NewGuid():N}"[..12], DurationMinutes = 45, Capacity = 20, Room = "Studio" });
        return (trainer, sessionType, classType);
    }

    private static object Session(Guid trainer, Guid type, DateTimeOffset starts, int status, int payment, long price) => new
    {
        MemberId = Guid.NewGuid(), TrainerId = trainer, SessionTypeId = type, SessionTypeCode = "pt", SessionTypeName = "PT", StartsAt = starts, EndsAt = starts.AddHours(1),
        Minutes = 60, Status = status, PaymentStatus = payment, PriceCents = price,
    };

    [Fact]
    public async Task ShowEveryTileFromTheModulesRecordsAndNothingFromAnotherGym()
    {
        var gym = await GymAsync();
        var (today, _) = Today();
        var monthStart = Local(new DateOnly(today.Year, today.Month, 1), 0, 0);
        var lastYear = DateTimeOffset.UtcNow.AddYears(-1);
        var earlierToday = EarlierToday();
        var earlierThisMonth = EarlierThisMonth();
        var beforeThisMonth = monthStart.AddHours(-1);

        // The same kinds of rows at the franchise's other gym and at another franchise's: none may count here.
        foreach (var other in new[] { fixture.A2, fixture.B1 })
        {
            var otherPlan = await PlanAsync(other.Id);
            await AddRowsAsync(App, other.Id, Members, Membership(otherPlan, 2, lastYear), Membership(otherPlan, 3, earlierThisMonth), Membership(otherPlan, 4, lastYear, earlierThisMonth));
            await AddRowsAsync(App, other.Id, Ledger, LedgerLine(1, earlierThisMonth, 7000, 636), LedgerLine(3, earlierThisMonth, 7000, 636));
            await AddRowsAsync(App, other.Id, CheckIns, CheckIn(earlierToday, other.Id), CheckIn(earlierToday, other.Id));
        }

        var plan = await PlanAsync(gym.Id);
        await AddRowsAsync(App, gym.Id, Members,
            Membership(plan, 2, lastYear), Membership(plan, 2, lastYear, frozen: true), Membership(plan, 2, earlierThisMonth, plan: "premium"),
            Membership(plan, 3, lastYear), Membership(plan, 3, lastYear, frozen: true),
            Membership(plan, 4, lastYear, earlierThisMonth), Membership(plan, 4, lastYear, beforeThisMonth), Membership(plan, 1, null));
        await AddRowsAsync(App, gym.Id, Ledger,
            LedgerLine(1, earlierThisMonth, 5995, 545), LedgerLine(1, earlierThisMonth, 2200, 200), LedgerLine(2, earlierThisMonth, -2200, -200),
            LedgerLine(3, earlierThisMonth, 5995, 545), LedgerLine(1, beforeThisMonth, 9900, 900));
        await AddRowsAsync(App, gym.Id, CheckIns, CheckIn(earlierToday, gym.Id), CheckIn(earlierToday, gym.Id), CheckIn(earlierToday, fixture.A2.Id),
            CheckIn(Today().Start.AddMinutes(-30), gym.Id));
        var (trainer, sessionType, classType) = await BookingsSetUpAsync(gym);
        await AddRowsAsync(App, gym.Id, Sessions,
            Session(trainer, sessionType, earlierToday, 2, 2, 9999), Session(trainer, sessionType, earlierToday.AddMinutes(1), 3, 3, 9999),
            Session(trainer, sessionType, earlierThisMonth, 4, 2, 5500));
        await AddRowsAsync(App, gym.Id, Classes,
            new { ClassTypeId = classType, TrainerId = trainer, Name = "Spin", Room = "Studio", StartsAt = earlierToday, EndsAt = earlierToday.AddMinutes(45), LocalDate = today, Capacity = 10, BookedCount = 4 },
            new { ClassTypeId = classType, TrainerId = trainer, Name = "Yoga", Room = "Studio", StartsAt = earlierToday, EndsAt = earlierToday.AddMinutes(45), LocalDate = today, Capacity = 10, BookedCount = 6, IsCancelled = true },
            new { ClassTypeId = classType, TrainerId = trainer, Name = "Spin", Room = "Studio", StartsAt = earlierToday.AddDays(1), EndsAt = earlierToday.AddDays(1).AddMinutes(45), LocalDate = today.AddDays(1), Capacity = 10, BookedCount = 10 });
        await AddRowsAsync(App, gym.Id, Webhooks,
            new { Id = Guid.NewGuid(), StripeEventId = $"evt_{Guid.NewGuid():N}", Type = "invoice.paid", State = 4, Payload = "{}", ReceivedAt = earlierToday, StripeCreatedAt = earlierToday, LastAttemptAt = earlierToday },
            new { Id = Guid.NewGuid(), StripeEventId = $"evt_{Guid.NewGuid():N}", Type = "invoice.paid", State = 1, Payload = "{}", ReceivedAt = earlierToday, StripeCreatedAt = earlierToday, LastAttemptAt = earlierToday });
        var staff = await SignedInAsync(App, gym, IdentityRoles.Staff);
        var low = await ShopKit.ProductAsync(staff, "Chalk", 1500, 3);
        await ShopKit.ProductAsync(staff, "Straps", 2500, 20);
        var order = await ShopKit.PaidOrderAsync(App, gym, low.Variants[0].VariantId, 2);

        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        var dashboard = await ReadAsync<DashboardDto>(await admin.GetAsync("/api/reports/dashboard", _ct));

        dashboard.LocationId.ShouldBe(gym.Id);
        dashboard.Today.ShouldBe(today);
        dashboard.ActiveMembers.ShouldBe(3);
        dashboard.FrozenMembers.ShouldBe(2);
        dashboard.PastDueMembers.ShouldBe(2);
        dashboard.JoinsThisMonth.ShouldBe(1);
        dashboard.CancellationsThisMonth.ShouldBe(1);
        dashboard.CheckInsToday.ShouldBe(3);
        dashboard.CheckInsByHour.Count.ShouldBe(24);
        dashboard.CheckInsByHour[TimeZoneInfo.ConvertTime(earlierToday, Melbourne).Hour].ShouldBe(3);
        dashboard.ClassesToday.ShouldHaveSingleItem().FillPercent.ShouldBe(40m);
        dashboard.ClassFillPercent.ShouldBe(40m);
        dashboard.PtSessionsToday.ShouldBe(1);
        dashboard.FailedPaymentsThisMonth.ShouldBe(1);
        dashboard.FailedPaymentsCents.ShouldBe(5995);
        dashboard.ParkedWebhooks.ShouldBe(1);
        dashboard.LowStockLines.ShouldBe(1);

        var revenue = dashboard.RevenueThisMonth;
        // GST collected: 545 + 200 in the charges, less the refund's 200.
        revenue.Memberships.ShouldBe(new RevenueStreamDto(8195, 2200, 5995, 545));
        revenue.PersonalTraining.ShouldBe(new RevenueStreamDto(9999 + 5500, 0, 9999 + 5500, Gst.ComponentOf(9999) + Gst.ComponentOf(5500)));
        revenue.Shop.SalesCents.ShouldBe(order.TotalCents);
        revenue.Shop.GstCents.ShouldBe(order.GstCents);
        revenue.Shop.GstCents.ShouldBe(Gst.ComponentOf(2 * 1500));
        revenue.TotalCents.ShouldBe(5995 + 9999 + 5500 + order.TotalCents);
        revenue.GstCents.ShouldBe(545 + 909 + 500 + order.GstCents);

        // The shop's own staff list of low lines is the tile's list.
        var lowList = await ReadAsync<JsonElement>(await staff.GetAsync("/api/shop/admin/stock?low=true", _ct));
        lowList.GetArrayLength().ShouldBe(dashboard.LowStockLines);
    }

    [Fact]
    public async Task CountLocalDaysAndMonthsAcrossDaylightSaving()
    {
        var gym = await GymAsync();
        await AddRowsAsync(App, gym.Id, CheckIns,
            CheckIn(Local(new(2026, 9, 30), 23, 30), gym.Id), // the last half hour of September (AEST, +10)
            CheckIn(Local(new(2026, 10, 1), 0, 30), gym.Id), // half past midnight on the first: October's
            CheckIn(Local(new(2026, 10, 4), 23, 30), gym.Id), // the 23-hour day daylight saving starts
            CheckIn(new DateTimeOffset(2026, 4, 4, 14, 30, 0, TimeSpan.Zero), gym.Id), // 01:30 AEDT on 5 April, the 25-hour day
            CheckIn(new DateTimeOffset(2026, 4, 4, 15, 30, 0, TimeSpan.Zero), gym.Id), // 02:30 AEDT, the first 2:30
            CheckIn(new DateTimeOffset(2026, 4, 4, 16, 30, 0, TimeSpan.Zero), gym.Id), // 02:30 AEST, the second 2:30
            CheckIn(Local(new(2026, 4, 5), 23, 30), gym.Id),
            CheckIn(Local(new(2026, 4, 6), 0, 0), gym.Id)); // the next day
        await AddRowsAsync(App, gym.Id, Ledger, LedgerLine(1, Local(new(2026, 10, 1), 0, 30), 5995, 545), LedgerLine(1, Local(new(2026, 9, 30), 23, 59), 4400, 400));
        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        async Task<JsonElement> ReportAsync(string report, string from, string to, string by = "day") =>
            await ReadAsync<JsonElement>(await admin.GetAsync($"/api/reports/{report}?from={from}&to={to}&by={by}", _ct));

        Figure(await ReportAsync("attendance", "2026-09-01", "2026-09-30"), "checkIns").ShouldBe(1);
        var october = await ReportAsync("attendance", "2026-10-01", "2026-10-31");
        Figure(october, "checkIns").ShouldBe(2);
        // 1 October 2026 is a Thursday: row 3 (Monday first), hour 0.
        october.GetProperty("heatmap")[3][0].GetInt32().ShouldBe(1);
        october.GetProperty("heatmap")[6][23].GetInt32().ShouldBe(1); // Sunday 4 October, 23:30 AEDT

        var autumn = await ReportAsync("attendance", "2026-04-05", "2026-04-05");
        Figure(autumn, "checkIns").ShouldBe(4);
        autumn.GetProperty("heatmap")[6][2].GetInt32().ShouldBe(2); // both 2:30s of the repeated hour

        Figure(await ReportAsync("revenue", "2026-10-01", "2026-10-31", "month"), "membershipsCents").ShouldBe(5995);
        Figure(await ReportAsync("revenue", "2026-09-01", "2026-09-30", "month"), "membershipsCents").ShouldBe(4400);
        var byDay = await ReportAsync("revenue", "2026-09-30", "2026-10-01");
        var series = byDay.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "memberships");
        series.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ShouldBe(["2026-09-30", "2026-10-01"]);
        series.GetProperty("values").EnumerateArray().Select(v => v.GetDecimal()).ShouldBe([4400m, 5995m]);
    }

    [Fact]
    public async Task TakeGstAsOneEleventhOfEachGstInclusiveLine()
    {
        var gym = await GymAsync();
        var (trainer, sessionType, _) = await BookingsSetUpAsync(gym);
        var at = EarlierThisMonth();
        await AddRowsAsync(App, gym.Id, Sessions,
            Session(trainer, sessionType, at, 4, 2, 9999), Session(trainer, sessionType, at.AddHours(2), 4, 2, 5500),
            Session(trainer, sessionType, at.AddHours(4), 4, 2, 105), Session(trainer, sessionType, at.AddHours(6), 4, 4, 0));
        var staff = await SignedInAsync(App, gym, IdentityRoles.Staff);
        var oats = await ShopKit.ProductAsync(staff, "Rolled Oats", 695, 10, gstFree: true);
        var whey = await ShopKit.ProductAsync(staff, "Whey", 8995, 10);
        var order = await ShopKit.PaidOrderAsync(App, gym, whey.Variants[0].VariantId, 3, (oats.Variants[0].VariantId, 2));
        order.GstCents.ShouldBe(Gst.ComponentOf(3 * 8995));

        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        var (today, _) = Today();
        var month = $"from={Date(new DateOnly(today.Year, today.Month, 1))}&to={Date(today)}";
        var revenue = await ReadAsync<JsonElement>(await admin.GetAsync($"/api/reports/revenue?{month}", _ct));
        Figure(revenue, "personalTrainingCents").ShouldBe(9999 + 5500 + 105);
        Figure(revenue, "gstCents").ShouldBe(909 + 500 + 10 + order.GstCents);
        var shop = await ReadAsync<JsonElement>(await admin.GetAsync($"/api/reports/shop?{month}", _ct));
        Figure(shop, "gstCents").ShouldBe(order.GstCents);
        Figure(shop, "salesCents").ShouldBe(order.TotalCents);
        Figure(shop, "orders").ShouldBe(1);

        var csv = await admin.GetStringAsync($"/api/reports/trainers?{month}&format=csv", _ct);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(5);
        lines.Skip(1).Select(l => l.Split(',')[^1]).Order().ShouldBe(["0", "10", "500", "909"]);
    }

    [Fact]
    public async Task StreamTheCsvExportWithAHeaderAndOneLinePerRecord()
    {
        var gym = await GymAsync();
        var start = Local(new(2026, 6, 1), 5, 0);
        await AddRowsAsync(App, gym.Id, CheckIns, [.. Enumerable.Range(0, 1500).Select(i => CheckIn(start.AddMinutes(37 * i), gym.Id))]);
        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);

        using var response = await admin.GetAsync("/api/reports/attendance?from=2026-06-01&to=2026-07-31&format=csv", HttpCompletionOption.ResponseHeadersRead, _ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("attendance-2026-06-01-to-2026-07-31.csv");
        var body = await response.Content.ReadAsStringAsync(_ct);
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("check_in_id,at,person_id,home_location_id,visit_from_elsewhere");
        lines.Length.ShouldBe(1 + 1500);
        lines[1].ShouldContain("2026-06-01T05:00:00+10:00");

        var staff = await SignedInAsync(App, gym, IdentityRoles.Staff);
        var formula = await ShopKit.ProductAsync(staff, "=HYPERLINK(\"x\")", 1000, 5);
        await ShopKit.PaidOrderAsync(App, gym, formula.Variants[0].VariantId, 1);
        var (today, _) = Today();
        var shopCsv = await admin.GetStringAsync($"/api/reports/shop?from={Date(today.AddDays(-1))}&to={Date(today)}&format=csv", _ct);
        shopCsv.ShouldContain("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    [Fact]
    public async Task NameTheFieldOfABadRequest()
    {
        var gym = await GymAsync();
        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync("/api/reports/membership?from=2026-13-01", _ct), "from");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync("/api/reports/membership?from=2026-05-01&to=2026-04-01", _ct), "to");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync("/api/reports/membership?from=2020-01-01&to=2026-04-01", _ct), "to");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync("/api/reports/revenue?by=year", _ct), "by");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync("/api/reports/revenue?format=xml", _ct), "format");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync("/api/reports/revenue?format=csv&to=nope", _ct), "to");
        (await admin.GetAsync("/api/reports/nonsense", _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreach (var report in new[] { "membership", "revenue", "attendance", "trainers", "shop", "payroll" })
        {
            var answer = await ReadAsync<ReportDto>(await admin.GetAsync($"/api/reports/{report}", _ct));
            answer.Report.ShouldBe(report);
        }
    }

    [Fact]
    public async Task RefuseTheFiguresToMembersAndToOtherGymsAdmins()
    {
        var gym = await GymAsync();
        var member = await SignedInAsync(App, gym, IdentityRoles.Member);
        (await member.GetAsync("/api/reports/dashboard", _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync("/api/reports/revenue?format=csv", _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var otherAdmin = await SignedInAsync(App, fixture.B1, IdentityRoles.Admin);
        (await otherAdmin.GetAsync(SignedInClients.At(gym.Identifier, "/api/reports/dashboard"), _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await otherAdmin.GetAsync(SignedInClients.At(gym.Identifier, "/api/reports/attendance?format=csv"), _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RollUpTheFranchisesGymsSideBySideAndOnlyThose()
    {
        var gym = await GymAsync();
        var plan = await PlanAsync(gym.Id);
        await AddRowsAsync(App, gym.Id, Members, Membership(plan, 2, DateTimeOffset.UtcNow.AddYears(-1)), Membership(plan, 2, DateTimeOffset.UtcNow.AddYears(-1)));
        var franchiseAdmin = await FranchiseAdminAsync(App, fixture.FranchiseA);
        var rollup = await ReadAsync<FranchiseDashboardDto>(await franchiseAdmin.GetAsync("/api/reports/franchise/dashboard", _ct));
        rollup.FranchiseId.ShouldBe(fixture.FranchiseA.Id);
        var ids = rollup.Locations.Select(l => l.LocationId).ToList();
        ids.ShouldContain(fixture.A1.Id);
        ids.ShouldContain(fixture.A2.Id);
        ids.ShouldContain(gym.Id);
        ids.ShouldNotContain(fixture.B1.Id);
        rollup.Locations.Single(l => l.LocationId == gym.Id).ActiveMembers.ShouldBe(2);
        rollup.Total.ActiveMembers.ShouldBe(rollup.Locations.Sum(l => l.ActiveMembers));
        rollup.Total.RevenueThisMonthCents.ShouldBe(rollup.Locations.Sum(l => l.RevenueThisMonth.TotalCents));

        var gymAdmin = await SignedInAsync(App, fixture.B1, IdentityRoles.Admin);
        (await gymAdmin.GetAsync(SignedInClients.At(fixture.FranchiseA.Identifier, "/api/reports/franchise/dashboard"), _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await franchiseAdmin.GetAsync(SignedInClients.At(fixture.B1.Identifier, "/api/reports/dashboard"), _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

public sealed class ReportingOnSqliteShould(SqliteReportingFixture fixture) : ReportingShould(fixture), IClassFixture<SqliteReportingFixture>;

public sealed class ReportingOnPostgreSqlShould(PostgresReportingFixture fixture) : ReportingShould(fixture), IClassFixture<PostgresReportingFixture>;
