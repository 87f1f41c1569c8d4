using Derrimut.Identity.Contracts;
using Derrimut.Reporting.Features.RollUp;
using static Derrimut.Reporting.Tests.ReportingKit;

namespace Derrimut.Reporting.Tests;

/// <summary>
/// The daily roll-up (decision 0073): reports read closed days from it and the rest live, and every figure, series
/// and heatmap cell must be exactly what the modules' records give — across both daylight-saving nights, at the edges
/// of days, with rows at other gyms at the same instants, and after records arrive late.
/// </summary>
public abstract partial class ReportingShould
{
    [Fact]
    public async Task ReadTheSameFiguresFromTheDailyRollUpAsFromTheRecords()
    {
        var gym = await GymAsync();
        var (today, _) = Today();
        var yesterday = today.AddDays(-1);
        var (trainer, sessionType, classType) = await BookingsSetUpAsync(gym);
        var (otherTrainer, otherType, _) = await BookingsSetUpAsync(fixture.A2);

        // Instants that test the edges: both 02:30s of the night summer time ends (5 April 2026), the hour skipped when
        // it starts (4 October 2026), and the last minute of yesterday and the first of today.
        var firstHalfPast2 = new DateTimeOffset(2026, 4, 5, 2, 30, 0, TimeSpan.FromHours(11)).ToUniversalTime();
        var secondHalfPast2 = new DateTimeOffset(2026, 4, 5, 2, 30, 0, TimeSpan.FromHours(10)).ToUniversalTime();
        DateTimeOffset[] instants =
        [
            firstHalfPast2, secondHalfPast2, Local(new DateOnly(2026, 10, 4), 3, 30), Local(new DateOnly(2026, 10, 3), 23, 45),
            Local(today.AddDays(-100), 6, 0), Local(today.AddDays(-40), 18, 15), Local(yesterday, 23, 59), Local(today, 0, 1), EarlierToday(),
        ];
        instants = [.. instants.Where(i => i <= DateTimeOffset.UtcNow)];
        var plans = new Dictionary<Guid, Guid> { [gym.Id] = await PlanAsync(gym.Id), [fixture.A2.Id] = await PlanAsync(fixture.A2.Id) };
        foreach (var (at, i) in instants.Select((at, i) => (at, i)))
        {
            foreach (var place in new[] { gym, fixture.A2 })
            {
                await AddRowsAsync(App, place.Id, CheckIns, CheckIn(at, place.Id), CheckIn(at, Guid.NewGuid()));
                await AddRowsAsync(App, place.Id, Ledger, LedgerLine(1, at, 2200 + i, 200), LedgerLine(2, at, -(1100 + i), -100));

                // Memberships joining at the instant, and ending at it (cancelled or expired, on two plans), one that
                // never started, and one running through it all.
                var plan = plans[place.Id];
                await AddRowsAsync(App, place.Id, Members, Membership(plan, 2, at, plan: i % 2 == 0 ? "flexi" : "premium"),
                    Membership(plan, i % 3 == 0 ? 5 : 4, at.AddDays(-30 - i), at, plan: i % 2 == 0 ? "premium" : "flexi"),
                    Membership(plan, 1, null), Membership(plan, 2, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i)));
            }

            // A delivered, paid session at each instant, and beside it one that was missed, cancelled, still booked or
            // delivered, paid or included with the membership (every way the trainers report counts a session).
            await AddRowsAsync(App, gym.Id, Sessions, Session(trainer, sessionType, at, 4, 2, 9999 + i),
                Session(trainer, sessionType, at.AddMinutes(5), new[] { 5, 3, 2, 4 }[i % 4], i % 3 == 0 ? 4 : 2, 4400 + i));
            await AddRowsAsync(App, fixture.A2.Id, Sessions, Session(otherTrainer, otherType, at, 4, 2, 5000));
        }


        // Shop orders paid the shop's own way, then moved back in time as if paid on those days; one refunded.
        var staff = await SignedInAsync(App, gym, IdentityRoles.Staff);
        var whey = await ShopKit.ProductAsync(staff, "Whey", 8995, 20);
        var oats = await ShopKit.ProductAsync(staff, "Rolled Oats", 695, 20, gstFree: true);
        var paidLongAgo = await ShopKit.PaidOrderAsync(App, gym, whey.Variants[0].VariantId, 2, (oats.Variants[0].VariantId, 1));
        var paidOnTheNight = await ShopKit.PaidOrderAsync(App, gym, oats.Variants[0].VariantId, 3);
        var refunded = await ShopKit.PaidOrderAsync(App, gym, whey.Variants[0].VariantId, 1);
        await ShopKit.PaidOrderAsync(App, gym, oats.Variants[0].VariantId, 1);
        (await staff.PostAsJsonAsync($"/api/shop/admin/orders/{refunded.Id}/refunds", new { restock = true, note = "Wrong flavour" }, _ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await MoveAsync(gym.Id, "Derrimut.Marketplace.Data.Order", "Id", paidLongAgo.Id, "PaidAt", Local(today.AddDays(-40), 18, 20));
        await MoveAsync(gym.Id, "Derrimut.Marketplace.Data.Order", "Id", paidOnTheNight.Id, "PaidAt", secondHalfPast2);
        await MoveAsync(gym.Id, "Derrimut.Marketplace.Data.Order", "Id", refunded.Id, "PaidAt", Local(today.AddDays(-12), 12, 0));
        await MoveAsync(gym.Id, "Derrimut.Marketplace.Data.OrderRefund", "OrderId", refunded.Id, "At", Local(today.AddDays(-5), 12, 0));

        // Classes by their own local dates (rolled, today's live, one cancelled) and how their members turned out.
        var spinLongAgo = Guid.CreateVersion7();
        var spinYesterday = Guid.CreateVersion7();
        var yogaToday = Guid.CreateVersion7();
        object Class(Guid id, string name, DateOnly day, int booked, bool cancelled = false) => new
        {
            Id = id, ClassTypeId = classType, TrainerId = trainer, Name = name, Room = "Studio", StartsAt = Local(day, 6, 0), EndsAt = Local(day, 6, 45), LocalDate = day,
            Capacity = 12, BookedCount = booked, IsCancelled = cancelled,
        };
        await AddRowsAsync(App, gym.Id, Classes, Class(spinLongAgo, "Spin", today.AddDays(-40), 3), Class(spinYesterday, "Spin", yesterday, 2),
            Class(yogaToday, "Yoga", today, 1), Class(Guid.CreateVersion7(), "Spin", today.AddDays(-20), 9, cancelled: true));
        object Booking(Guid occurrence, int status, bool checkedIn = false, bool noShow = false) => new
        {
            OccurrenceId = occurrence, MemberId = Guid.NewGuid(), Status = status, RequestedAt = DateTimeOffset.UtcNow.AddDays(-50),
            CheckedInAt = checkedIn ? (DateTimeOffset?)DateTimeOffset.UtcNow.AddDays(-40) : null, NoShow = noShow,
        };
        await AddRowsAsync(App, gym.Id, ClassBookingsEntity,
            Booking(spinLongAgo, 1, checkedIn: true), Booking(spinLongAgo, 1, noShow: true), Booking(spinLongAgo, 1), Booking(spinLongAgo, 2),
            Booking(spinYesterday, 1, checkedIn: true), Booking(spinYesterday, 2), Booking(yogaToday, 1));

        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        var from = Date(new DateOnly(2026, 1, 1) < today.AddDays(-400) ? today.AddDays(-400) : new DateOnly(2026, 1, 1));
        string[] urls =
        [
            .. new[] { "revenue", "attendance", "shop", "membership" }.SelectMany(r => new[] { "day", "week", "month" }.Select(by => $"/api/reports/{r}?from={from}&to={Date(today.AddDays(7))}&by={by}")),
            $"/api/reports/revenue?from={Date(today.AddDays(-5))}&to={Date(yesterday)}",
            $"/api/reports/attendance?from={Date(new DateOnly(2026, 4, 5))}&to={Date(new DateOnly(2026, 4, 5))}",
            $"/api/reports/shop?from={Date(today)}&to={Date(today)}",
            $"/api/reports/membership?from={Date(new DateOnly(2026, 4, 5))}&to={Date(new DateOnly(2026, 10, 4))}&by=week",
            $"/api/reports/membership?from={Date(today.AddDays(-5))}&to={Date(today)}",
            $"/api/reports/trainers?from={from}&to={Date(today.AddDays(7))}",
            $"/api/reports/trainers?from={Date(new DateOnly(2026, 4, 5))}&to={Date(new DateOnly(2026, 4, 5))}",
            $"/api/reports/trainers?from={Date(today.AddDays(-5))}&to={Date(today)}",
        ];

        async Task<Dictionary<string, string>> ReadAllAsync()
        {
            var answers = new Dictionary<string, string>();
            foreach (var url in urls)
            {
                var response = await admin.GetAsync(url, _ct);
                answers[url] = await response.Content.ReadAsStringAsync(_ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, answers[url]);
            }

            var dashboard = await ReadAsync<JsonElement>(await admin.GetAsync("/api/reports/dashboard", _ct));
            answers["dashboard"] = dashboard.GetProperty("revenueThisMonth").GetRawText();
            return answers;
        }

        var live = await ReadAllAsync();
        var run = await RollUpAsync(gym);
        run.LastDay.ShouldBe(yesterday);
        run.FirstDay.ShouldBe(new DateOnly(2026, 2, 1)); // the oldest record: the start of a membership running through it all
        (await RowsAsync(gym)).ShouldBeGreaterThan(0);
        var rolled = await ReadAllAsync();
        foreach (var url in live.Keys)
        {
            rolled[url].ShouldBe(live[url], url);
        }

        urls[3].ShouldContain("attendance");
        urls[12].ShouldContain("revenue");
        urls[13].ShouldContain("attendance");
        var year = JsonDocument.Parse(rolled[urls[3]]).RootElement;
        (Figure(year, "classes"), Figure(year, "waitlisted"), Figure(year, "noShows")).ShouldBe((3m, 2m, 1m));

        // The trainers' year from rolled days: every session counted once by what became of it, the classes led.
        var trainersYear = JsonDocument.Parse(rolled[urls[^3]]).RootElement;
        var second = Enumerable.Range(0, instants.Length).Select(i => (Status: new[] { 5, 3, 2, 4 }[i % 4], Paid: i % 3 != 0, Price: 4400 + i)).ToList();
        Figure(trainersYear, "sessionsDelivered").ShouldBe(instants.Length + second.Count(x => x.Status == 4));
        Figure(trainersYear, "noShows").ShouldBe(second.Count(x => x.Status == 5));
        Figure(trainersYear, "bookedMinutes").ShouldBe(60 * (instants.Length + second.Count(x => x.Status != 3)));
        Figure(trainersYear, "ptSalesCents").ShouldBe(Enumerable.Range(0, instants.Length).Sum(i => 9999 + i) + second.Where(x => x.Paid).Sum(x => x.Price));
        Figure(trainersYear, "classesTaught").ShouldBe(DateTimeOffset.UtcNow >= Local(today, 6, 0) ? 3 : 2);

        // The rolled attendance of the night summer time ended: both 02:30 check-ins (and the visitors') in hour 2.
        var night = JsonDocument.Parse(rolled[urls[13]]).RootElement;
        Figure(night, "checkIns").ShouldBe(4);
        night.GetProperty("heatmap")[6][2].GetInt32().ShouldBe(4);

        // A record that arrives late for a day in the last week is in the figures after the next run, which sums only
        // that week again; before it, the rolled day does not have it yet (the delay decision 0073 accepts).
        await AddRowsAsync(App, gym.Id, Ledger, LedgerLine(1, Local(today.AddDays(-3), 10, 0), 3300, 300));
        var again = await RollUpAsync(gym);
        // That week again, and the older days whose PT sessions changed shortly before the last run began (this test
        // wrote them then; DailyRollUp.LateChangeMargin): nothing else.
        var olderSessionDays = instants.Select(at => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Melbourne).DateTime))
            .Where(d => d < today.AddDays(-DailyRollUp.RecheckDays)).Distinct().Count();
        again.DaysRebuilt.ShouldBe(DailyRollUp.RecheckDays + olderSessionDays);
        var week = await ReadAsync<JsonElement>(await admin.GetAsync(urls[12], _ct));
        Figure(week, "membershipsCents").ShouldBe(Figure(JsonDocument.Parse(live[urls[12]]).RootElement, "membershipsCents") + 3300);

        // History older than anything rolled up (imported): the next run reaches back to it.
        var imported = new DateOnly(2026, 1, 10);
        await AddRowsAsync(App, gym.Id, CheckIns, CheckIn(Local(imported, 9, 0), gym.Id));
        var reached = await RollUpAsync(gym);
        reached.FirstDay.ShouldBe(imported);
        var january = await ReadAsync<JsonElement>(await admin.GetAsync($"/api/reports/attendance?from={Date(imported)}&to={Date(imported.AddDays(30))}", _ct));
        Figure(january, "checkIns").ShouldBe(1);
    }

    [Fact]
    public async Task SumADayAgainWhenItsSessionIsMarkedWeeksLate()
    {
        var gym = await GymAsync();
        var (today, _) = Today();
        var (trainer, sessionType, _) = await BookingsSetUpAsync(gym);
        var day = today.AddDays(-30);
        await AddRowsAsync(App, gym.Id, Sessions, Session(trainer, sessionType, Local(day, 9, 0), 2, 2, 7000));
        await RollUpAsync(gym);
        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        var url = $"/api/reports/trainers?from={Date(day)}&to={Date(day)}";
        Figure(await ReadAsync<JsonElement>(await admin.GetAsync(url, _ct)), "sessionsDelivered").ShouldBe(0);

        // The trainer marks it delivered a month later; the next hourly run sums that day again.
        await SetAsync(gym.Id, "Derrimut.Bookings.Domain.Sessions.PtSession", "TrainerId", trainer, "Status", Derrimut.Bookings.Contracts.BookingStatus.Completed);
        var run = await RollUpAsync(gym);

        run.DaysRebuilt.ShouldBe(DailyRollUp.RecheckDays + 1);
        var marked = await ReadAsync<JsonElement>(await admin.GetAsync(url, _ct));
        (Figure(marked, "sessionsDelivered"), Figure(marked, "deliveredMinutes"), Figure(marked, "ptSalesCents")).ShouldBe((1m, 60m, 7000m));
    }

    [Fact]
    public async Task RollUpEveryGymFromTheScheduledJobAndKeepEachGymsDaysToItself()
    {
        var gym = await GymAsync();
        var (today, _) = Today();
        await AddRowsAsync(App, gym.Id, CheckIns, CheckIn(Local(today.AddDays(-2), 7, 0), gym.Id));
        await AddRowsAsync(App, fixture.A2.Id, CheckIns, CheckIn(Local(today.AddDays(-2), 7, 0), fixture.A2.Id), CheckIn(Local(today.AddDays(-2), 7, 5), fixture.A2.Id));
        foreach (var place in new[] { gym, fixture.A2 })
        {
            var (trainer, sessionType, _) = await BookingsSetUpAsync(place);
            await AddRowsAsync(App, place.Id, Sessions, Session(trainer, sessionType, Local(today.AddDays(-2), 9, 0), 4, 2, 8000));
        }

        var job = ActivatorUtilities.CreateInstance<ReportRollUpJob>(App.Services);
        var run = await job.RunOnceAsync(_ct);
        run.Failed.ShouldBe(0);
        run.Locations.ShouldBeGreaterThanOrEqualTo(3);

        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        var day = Date(today.AddDays(-2));
        var attendance = await ReadAsync<JsonElement>(await admin.GetAsync($"/api/reports/attendance?from={day}&to={day}", _ct));
        Figure(attendance, "checkIns").ShouldBe(1);
        (await RowsAsync(gym)).ShouldBe(1);
        Figure(await ReadAsync<JsonElement>(await admin.GetAsync($"/api/reports/trainers?from={day}&to={day}", _ct)), "sessionsDelivered").ShouldBe(1);

        // Each gym's scope sees only its own roll-up rows, though every gym's are in the tables.
        var (seen, ownedHere, everyGym) = await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var tenants = new List<Guid>();
            tenants.AddRange(await db.Set<Derrimut.Reporting.Data.RollUpState>().Select(r => r.TenantId).ToListAsync(ct));
            tenants.AddRange(await db.Set<Derrimut.Reporting.Data.DailyFigures>().Select(r => r.TenantId).ToListAsync(ct));
            tenants.AddRange(await db.Set<Derrimut.Reporting.Data.HourlyCheckIns>().Select(r => r.TenantId).ToListAsync(ct));
            tenants.AddRange(await db.Set<Derrimut.Reporting.Data.DailyProductSales>().Select(r => r.TenantId).ToListAsync(ct));
            tenants.AddRange(await db.Set<Derrimut.Reporting.Data.DailyClassFigures>().Select(r => r.TenantId).ToListAsync(ct));
            tenants.AddRange(await db.Set<Derrimut.Reporting.Data.DailyMembershipFigures>().Select(r => r.TenantId).ToListAsync(ct));
            tenants.AddRange(await db.Set<Derrimut.Reporting.Data.DailyTrainerFigures>().Select(r => r.TenantId).ToListAsync(ct));
            var all = await db.Set<Derrimut.Reporting.Data.RollUpState>().IgnoreQueryFilters().Select(r => r.TenantId).Distinct().CountAsync(ct);
            return (tenants.Distinct().ToList(), tenants.Count, all);
        }, _ct);
        seen.ShouldBe([gym.Id]);
        ownedHere.ShouldBeGreaterThanOrEqualTo(2);
        everyGym.ShouldBeGreaterThanOrEqualTo(3);

        // The job rolled up the fixture's shared gyms too. Other tests write records dated earlier this month at those
        // gyms and compare live figures with reported ones, which a roll-up would answer only after its next run (the
        // delay decision 0073 accepts): forget every other gym's roll-up, so they read live again.
        var scopes = App.Services.GetRequiredService<ITenantScopeFactory>();
        var rolled = await scopes.RunAsync(gym.Id, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>().Set<Derrimut.Reporting.Data.RollUpState>()
            .IgnoreQueryFilters().Where(r => r.TenantId != gym.Id).Select(r => r.TenantId).ToListAsync(ct), _ct);
        foreach (var other in rolled)
        {
            await scopes.RunAsync(other, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>().Set<Derrimut.Reporting.Data.RollUpState>().ExecuteDeleteAsync(ct), _ct);
        }
    }

    [Fact]
    public void SplitAPeriodIntoRolledDaysAndLiveInstants()
    {
        var zone = Melbourne;
        var state = new Derrimut.Reporting.Data.RollUpState { ZoneId = zone.Id, FirstDay = new DateOnly(2026, 3, 1), LastDay = new DateOnly(2026, 11, 30) };
        var period = Features.Reports.ReportPeriod.Of(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 3), zone);
        var split = RolledPeriod.Split(period, state);
        (split.RolledFrom, split.RolledTo).ShouldBe((new DateOnly(2026, 3, 1), new DateOnly(2026, 11, 30)));
        split.Live.ShouldBe([(period.Start, Local(new DateOnly(2026, 3, 1), 0, 0)), (Local(new DateOnly(2026, 12, 1), 0, 0), period.End)]);

        var inside = RolledPeriod.Split(Features.Reports.ReportPeriod.Of(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), zone), state);
        inside.HasRolled.ShouldBeTrue();
        inside.Live.ShouldBeEmpty();

        RolledPeriod.Split(period, new Derrimut.Reporting.Data.RollUpState { ZoneId = "Australia/Perth", FirstDay = state.FirstDay, LastDay = state.LastDay })
            .HasRolled.ShouldBeFalse("days cut in another zone are not this gym's days");
        RolledPeriod.Split(Features.Reports.ReportPeriod.Of(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3), zone), state)
            .Live.ShouldHaveSingleItem();
    }

    private const string ClassBookingsEntity = "Derrimut.Bookings.Domain.Classes.ClassBooking";

    private Task<RollUpRun> RollUpAsync(TestTenant gym) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) => sp.GetRequiredService<DailyRollUp>().RunAsync(ct), _ct);

    private Task<int> RowsAsync(TestTenant gym) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<Derrimut.Reporting.Data.HourlyCheckIns>().CountAsync(ct), _ct);

    /// <summary>Moves a row of another module's entity in time (orders are paid now; the test needs them paid on other days).</summary>
    private Task MoveAsync(Guid gymId, string entity, string key, Guid value, string property, DateTimeOffset at) =>
        SetAsync(gymId, entity, key, value, property, at);

    /// <summary>Changes a property of another module's rows through the DbContext (so their change time is stamped).</summary>
    private Task SetAsync(Guid gymId, string entity, string key, Guid value, string property, object to) =>
        App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gymId, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var type = db.Model.GetEntityTypes().Single(t => t.ClrType.FullName == entity).ClrType;
            var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(type).Invoke(db, null)!;
            var rows = (await set.ToListAsync(ct)).Where(r => (Guid)type.GetProperty(key)!.GetValue(r)! == value).ToList();
            rows.ShouldNotBeEmpty();
            foreach (var row in rows)
            {
                db.Entry(row).Property(property).CurrentValue = to;
            }

            await db.SaveChangesAsync(ct);
        }, _ct);
}
