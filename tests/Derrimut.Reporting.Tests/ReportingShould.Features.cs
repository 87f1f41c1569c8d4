using System.Threading.Channels;
using Derrimut.Billing.Contracts;
using Derrimut.Bookings.Contracts;
using Derrimut.BuildingBlocks.Events;
using Derrimut.BuildingBlocks.Money;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.Identity.Contracts;
using Derrimut.Reporting.Contracts;
using static Derrimut.Reporting.Tests.ReportingKit;

namespace Derrimut.Reporting.Tests;

/// <summary>Freezes over time, trainers' utilisation and earnings, refunds' GST, live tiles and the platform view.</summary>
public abstract partial class ReportingShould
{
    private const string MembershipAudit = "Derrimut.Memberships.Domain.MembershipAuditEntry";
    private const string WeeklyHours = "Derrimut.Bookings.Domain.Availability.WeeklyHours";
    private const string AvailabilityExceptions = "Derrimut.Bookings.Domain.Availability.AvailabilityException";
    private const string PaySettings = "Derrimut.Payroll.Data.EmployeePaySettings";
    private const string CompletedSessions = "Derrimut.Payroll.Data.CompletedSession";

    private static object Freeze(Guid membership, string action, DateTimeOffset at) => new { MembershipId = membership, Action = action, Detail = action, At = at };

    private static decimal[] SeriesValues(JsonElement report, string key) =>
        [.. report.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key).GetProperty("values").EnumerateArray().Select(v => v.GetDecimal())];

    [Fact]
    public async Task CountFreezesOverTimeFromTheMembershipsOwnRecordsInLocalMonths()
    {
        var gym = await GymAsync();
        var plan = await PlanAsync(gym.Id);
        var lastYear = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var (m1, m2, m3, m4) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await AddRowsAsync(App, gym.Id, Members,
            new { Id = m1, UserId = Guid.NewGuid(), PlanId = plan, PlanCode = "flexi", Status = 2, StartedAt = (DateTimeOffset?)lastYear, IsFrozen = false },
            new { Id = m2, UserId = Guid.NewGuid(), PlanId = plan, PlanCode = "flexi", Status = 2, StartedAt = (DateTimeOffset?)lastYear, IsFrozen = true },
            new { Id = m3, UserId = Guid.NewGuid(), PlanId = plan, PlanCode = "flexi", Status = 4, StartedAt = (DateTimeOffset?)lastYear, EndedAt = (DateTimeOffset?)Local(new(2026, 10, 20), 9, 0), IsFrozen = false },
            new { Id = m4, UserId = Guid.NewGuid(), PlanId = plan, PlanCode = "flexi", Status = 2, StartedAt = (DateTimeOffset?)lastYear, IsFrozen = false });
        await AddRowsAsync(App, gym.Id, MembershipAudit,
            Freeze(m1, "freeze-requested", Local(new(2026, 9, 30), 23, 30)), // the last half hour of September (AEST)
            Freeze(m1, "freeze-ended", Local(new(2026, 10, 1), 0, 30)), // half past midnight on the first: October's
            Freeze(m2, "freeze-requested", Local(new(2026, 10, 4), 23, 30)), // the 23-hour day; still frozen
            Freeze(m3, "freeze-requested", Local(new(2026, 10, 10), 10, 0)), // ends when the membership ended
            Freeze(m3, "cancel-requested", Local(new(2026, 10, 12), 10, 0)),
            Freeze(m4, "freeze-requested", Local(new(2026, 8, 1), 9, 0)),
            Freeze(m4, "freeze-requested", Local(new(2026, 8, 20), 9, 0)), // a later freeze ends the earlier one
            Freeze(m4, "freeze-ended", Local(new(2026, 9, 10), 9, 0)));
        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        async Task<JsonElement> ReportAsync(string from, string to, string by) =>
            await ReadAsync<JsonElement>(await admin.GetAsync($"/api/reports/membership?from={from}&to={to}&by={by}", _ct));

        var october = await ReportAsync("2026-10-01", "2026-10-31", "month");
        Figure(october, "freezesStarted").ShouldBe(2);
        Figure(october, "freezesEnded").ShouldBe(2);
        Figure(october, "frozenAtEnd").ShouldBe(1);
        Figure(october, "frozenNow").ShouldBe(1);

        var september = await ReportAsync("2026-09-01", "2026-09-30", "month");
        Figure(september, "freezesStarted").ShouldBe(1);
        Figure(september, "freezesEnded").ShouldBe(1);
        Figure(september, "frozenAtEnd").ShouldBe(1);

        var august = await ReportAsync("2026-08-01", "2026-08-31", "month");
        Figure(august, "freezesStarted").ShouldBe(2);
        Figure(august, "freezesEnded").ShouldBe(1);
        Figure(august, "frozenAtEnd").ShouldBe(1);

        var edge = await ReportAsync("2026-09-30", "2026-10-01", "day");
        SeriesValues(edge, "frozen").ShouldBe([1m, 0m]);
        SeriesValues(edge, "freezesStarted").ShouldBe([1m, 0m]);
        SeriesValues(edge, "freezesEnded").ShouldBe([0m, 1m]);
        SeriesValues(await ReportAsync("2026-10-04", "2026-10-05", "day"), "frozen").ShouldBe([1m, 1m]);
    }

    [Fact]
    public async Task MeasureTrainersUtilisationOfTheirAvailabilityInLocalTimeAndTheirEarningsFromPayroll()
    {
        var gym = await GymAsync();
        var (trainer, sessionType, _) = await BookingsSetUpAsync(gym);
        var person = await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<IBookingsReadModel>().Trainers.Where(t => t.Id == trainer).Select(t => t.UserId).SingleAsync(ct));
        await AddRowsAsync(App, gym.Id, WeeklyHours,
            new { TrainerId = trainer, Day = DayOfWeek.Sunday, Starts = new TimeOnly(0, 0), Ends = new TimeOnly(0, 0) }, // all day (to midnight)
            new { TrainerId = trainer, Day = DayOfWeek.Monday, Starts = new TimeOnly(6, 0), Ends = new TimeOnly(12, 0) });
        await AddRowsAsync(App, gym.Id, AvailabilityExceptions,
            new { TrainerId = trainer, Date = new DateOnly(2026, 10, 3), Kind = 2, Starts = (TimeOnly?)new TimeOnly(8, 0), Ends = (TimeOnly?)new TimeOnly(10, 0) },
            new { TrainerId = trainer, Date = new DateOnly(2026, 10, 5), Kind = 1, Starts = (TimeOnly?)new TimeOnly(9, 0), Ends = (TimeOnly?)new TimeOnly(10, 0) },
            new { TrainerId = trainer, Date = new DateOnly(2026, 10, 11), Kind = 1, Starts = (TimeOnly?)null, Ends = (TimeOnly?)null });
        await AddRowsAsync(App, gym.Id, Sessions,
            Session(trainer, sessionType, Local(new(2026, 10, 4), 10, 0), 4, 2, 9999), Session(trainer, sessionType, Local(new(2026, 10, 5), 7, 0), 4, 2, 9999),
            Session(trainer, sessionType, Local(new(2026, 10, 5), 10, 0), 2, 2, 9999), Session(trainer, sessionType, Local(new(2026, 10, 5), 11, 0), 3, 3, 9999));
        await AddRowsAsync(App, gym.Id, PaySettings, new { UserId = person, EmploymentType = 2, PayBasis = 2, SessionRateCents = (long?)4500, PayFrequency = 1 });
        await AddRowsAsync(App, gym.Id, CompletedSessions,
            new { TrainerUserId = person, SessionId = Guid.NewGuid(), CompletedOn = new DateOnly(2026, 10, 4), Description = "PT" },
            new { TrainerUserId = person, SessionId = Guid.NewGuid(), CompletedOn = new DateOnly(2026, 10, 5), Description = "PT" },
            new { TrainerUserId = person, SessionId = Guid.NewGuid(), CompletedOn = new DateOnly(2026, 10, 20), Description = "PT" });
        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);

        // Saturday 3rd: 2 extra hours; Sunday 4th (daylight saving starts): a 23-hour day; Monday 5th: 6 hours less an
        // hour's leave; Sunday 11th: a whole day's leave.
        var week = await ReadAsync<JsonElement>(await admin.GetAsync("/api/reports/trainers?from=2026-10-03&to=2026-10-11", _ct));
        Figure(week, "availableMinutes").ShouldBe(120 + 23 * 60 + 300);
        Figure(week, "bookedMinutes").ShouldBe(180);
        Figure(week, "deliveredMinutes").ShouldBe(120);
        Figure(week, "bookedPercent").ShouldBe(10m);
        Figure(week, "deliveredPercent").ShouldBe(6.7m);
        Figure(week, "sessionsDelivered").ShouldBe(2);
        Figure(week, "earningsCents").ShouldBe(2 * 4500);
        var glance = await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<ITrainerEarningsGlance>().BetweenAsync(person, new DateOnly(2026, 10, 3), new DateOnly(2026, 10, 11), ct));
        Figure(week, "earningsCents").ShouldBe(glance.AmountCents);
        var nobody = Guid.NewGuid();
        var team = await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, (sp, ct) =>
            sp.GetRequiredService<ITrainerEarningsGlance>().BetweenAsync([person, nobody], new DateOnly(2026, 10, 3), new DateOnly(2026, 10, 11), ct));
        team[person].ShouldBe(glance);
        team[nobody].ShouldBe(new TrainerEarningsGlance(new DateOnly(2026, 10, 3), new DateOnly(2026, 10, 11), 0, null, 0));
        Figure(week, "ptSalesCents").ShouldBe(3 * 9999);

        // Sunday 5 April 2026, daylight saving ends: 25 hours.
        Figure(await ReadAsync<JsonElement>(await admin.GetAsync("/api/reports/trainers?from=2026-04-05&to=2026-04-05", _ct)), "availableMinutes").ShouldBe(25 * 60);
    }

    [Fact]
    public async Task TakeTheGstOfRefundsOffTheGstCollected()
    {
        var gym = await GymAsync();
        var staff = await SignedInAsync(App, gym, IdentityRoles.Staff);
        var oats = await ShopKit.ProductAsync(staff, "Rolled Oats", 695, 10, gstFree: true);
        var whey = await ShopKit.ProductAsync(staff, "Whey", 8995, 10);
        var refunded = await ShopKit.PaidOrderAsync(App, gym, whey.Variants[0].VariantId, 3, (oats.Variants[0].VariantId, 2));
        var kept = await ShopKit.PaidOrderAsync(App, gym, whey.Variants[0].VariantId, 1);
        var refund = await staff.PostAsJsonAsync($"/api/shop/admin/orders/{refunded.Id}/refunds", new { restock = true, note = "Changed their mind" }, _ct);
        refund.StatusCode.ShouldBe(HttpStatusCode.OK, await refund.Content.ReadAsStringAsync(_ct));
        var at = EarlierThisMonth();
        await AddRowsAsync(App, gym.Id, Ledger, LedgerLine(1, at, 5995, 545), LedgerLine(2, at, -5995, -545), LedgerLine(1, at, 2200, 200));

        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        var (today, _) = Today();
        var month = $"from={Date(new DateOnly(today.Year, today.Month, 1))}&to={Date(today)}";
        var shop = await ReadAsync<JsonElement>(await admin.GetAsync($"/api/reports/shop?{month}", _ct));
        Figure(shop, "salesCents").ShouldBe(refunded.TotalCents + kept.TotalCents);
        Figure(shop, "refundsCents").ShouldBe(refunded.TotalCents);
        Figure(shop, "gstCents").ShouldBe(kept.GstCents); // the whole order's GST went back with it
        var revenue = await ReadAsync<JsonElement>(await admin.GetAsync($"/api/reports/revenue?{month}", _ct));
        Figure(revenue, "gstCents").ShouldBe(kept.GstCents + 200);
        Figure(revenue, "totalCents").ShouldBe(kept.TotalCents + 2200);

        var csv = await admin.GetStringAsync($"/api/reports/revenue?{month}&format=csv", _ct);
        csv.Split("\r\n").Single(l => l.Contains(",shop,refund,", StringComparison.Ordinal)).ShouldEndWith($",{-refunded.TotalCents},{-refunded.GstCents}");
    }

    [Fact]
    public async Task RefreshTheTilesWhenACheckInAPaymentOrAnOrderLands()
    {
        var gym = await GymAsync();
        var plan = await PlanAsync(gym.Id);
        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        var staff = await SignedInAsync(App, gym, IdentityRoles.Staff);
        var product = await ShopKit.ProductAsync(staff, "Chalk", 1500, 5);
        var member = await PersonAsync(App, gym.Id, $"live-{Guid.NewGuid():N}@example.com");
        await AddRowsAsync(App, gym.Id, Members, new
        {
            UserId = member, LiveUserId = (Guid?)member, PlanId = plan, PlanCode = "flexi", Status = 2, StartedAt = (DateTimeOffset?)DateTimeOffset.UtcNow.AddDays(-20),
        });

        // What the open dashboard does on each of its topics: read the tiles again. Another gym's updates never arrive.
        var reloads = Channel.CreateUnbounded<DashboardDto>();
        var live = App.Services.GetRequiredService<ILiveUpdates>();
        var subscriptions = DashboardLiveTopics.All.Select(topic => live.Subscribe(gym.Id, topic, null, async _ =>
            await reloads.Writer.WriteAsync(await ReadAsync<DashboardDto>(await admin.GetAsync("/api/reports/dashboard"))))).ToList();
        var otherGym = DashboardLiveTopics.All.Select(topic => live.Subscribe(fixture.A2.Id, topic, null, _ => throw new InvalidOperationException("another gym heard it"))).ToList();
        try
        {
            async Task SeenAsync(Func<DashboardDto, bool> figure)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(15));
                while (!figure(await reloads.Reader.ReadAsync(timeout.Token)))
                {
                }
            }

            var before = await ReadAsync<DashboardDto>(await admin.GetAsync("/api/reports/dashboard", _ct));

            var checkedIn = await ReadAsync<JsonElement>(await staff.PostAsJsonAsync("/api/check-ins", new { memberId = member }, _ct));
            checkedIn.GetProperty("allowed").GetBoolean().ShouldBeTrue(checkedIn.ToString());
            await SeenAsync(d => d.CheckInsToday == before.CheckInsToday + 1);

            var order = await ShopKit.PaidOrderAsync(App, gym, product.Variants[0].VariantId, 1);
            await SeenAsync(d => d.RevenueThisMonth.Shop.SalesCents == before.RevenueThisMonth.Shop.SalesCents + order.TotalCents);

            var paid = new PaymentSucceeded($"evt_{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddSeconds(-5), gym.Id, member, CheckoutPurposes.Membership, "flexi",
                $"in_{Guid.NewGuid():N}", null, null, null, InvoiceBillingReason.SubscriptionCycle, 2200, Gst.ComponentOf(2200), "aud", null, null);
            await App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(gym.Id, async (sp, ct) =>
            {
                // As Billing's webhook runs it: the handlers inside its transaction, committed after they return.
                var db = sp.GetRequiredService<DerrimutDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                foreach (var handler in sp.GetServices<IIntegrationEventHandler<PaymentSucceeded>>())
                {
                    await handler.HandleAsync(paid, ct);
                }

                await transaction.CommitAsync(ct);
                return 0;
            });
            await SeenAsync(d => d.RevenueThisMonth.Memberships.SalesCents == before.RevenueThisMonth.Memberships.SalesCents + 2200);
        }
        finally
        {
            foreach (var subscription in subscriptions.Concat(otherGym))
            {
                subscription.Dispose();
            }
        }
    }

    [Fact]
    public async Task ShowThePlatformItsGymsGrowthAndWebhookHealthAndOnlyToSuperadmins()
    {
        var gym = await GymAsync();
        var plan = await PlanAsync(gym.Id);
        var earlierThisMonth = EarlierThisMonth();
        await AddRowsAsync(App, gym.Id, Members,
            Membership(plan, 2, earlierThisMonth), Membership(plan, 2, earlierThisMonth), Membership(plan, 2, DateTimeOffset.UtcNow.AddYears(-2)));
        await AddRowsAsync(App, gym.Id, Ledger, LedgerLine(1, earlierThisMonth, 5995, 545));
        var now = DateTimeOffset.UtcNow;
        await AddRowsAsync(App, gym.Id, Webhooks,
            new { Id = Guid.NewGuid(), StripeEventId = $"evt_{Guid.NewGuid():N}", Type = "invoice.paid", State = 4, Payload = "{}", ReceivedAt = now.AddHours(-1), StripeCreatedAt = now, LastAttemptAt = now },
            new { Id = Guid.NewGuid(), StripeEventId = $"evt_{Guid.NewGuid():N}", Type = "invoice.paid", State = 3, Payload = "{}", ReceivedAt = now.AddMinutes(-5), StripeCreatedAt = now, LastAttemptAt = now },
            new { Id = Guid.NewGuid(), StripeEventId = $"evt_{Guid.NewGuid():N}", Type = "invoice.paid", State = 1, Payload = "{}", ReceivedAt = now.AddDays(-3), StripeCreatedAt = now, LastAttemptAt = now },
            // Acknowledged after storing and not yet applied by the queue (decision 0082): a backlog the platform must see.
            new { Id = Guid.NewGuid(), StripeEventId = $"evt_{Guid.NewGuid():N}", Type = "invoice.paid", State = 5, Payload = "{}", ReceivedAt = now.AddMinutes(-2), StripeCreatedAt = now, LastAttemptAt = now });

        var platform = await ReadAsync<PlatformDashboardDto>(await App.PlatformClient().GetAsync("/api/reports/platform", _ct));
        var admin = await SignedInAsync(App, gym, IdentityRoles.Admin);
        var own = await ReadAsync<DashboardDto>(await admin.GetAsync("/api/reports/dashboard", _ct));

        var franchise = platform.Franchises.Single(f => f.FranchiseId == fixture.FranchiseA.Id);
        var here = franchise.Locations.Single(l => l.LocationId == gym.Id);
        here.ActiveMembers.ShouldBe(3);
        here.ActiveMembers.ShouldBe(own.ActiveMembers);
        here.JoinsThisMonth.ShouldBe(2);
        here.RevenueThisMonth.ShouldBe(own.RevenueThisMonth);
        platform.Franchises.SelectMany(f => f.Locations).Select(l => l.LocationId).ShouldContain(fixture.B1.Id);
        franchise.Locations.Select(l => l.LocationId).ShouldNotContain(fixture.B1.Id);
        var locations = platform.Franchises.SelectMany(f => f.Locations).ToList();
        platform.Total.ActiveMembers.ShouldBe(locations.Sum(l => l.ActiveMembers));
        platform.Total.RevenueThisMonthCents.ShouldBe(locations.Sum(l => l.RevenueThisMonth.TotalCents));

        platform.Growth.Count.ShouldBe(12);
        var thisMonth = platform.Growth[^1];
        var (today, _) = Today();
        thisMonth.Month.ShouldBe(today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        thisMonth.NewLocations.ShouldBe(locations.Count); // every gym of this test database opened today
        thisMonth.Joins.ShouldBe(platform.Total.JoinsThisMonth);
        thisMonth.Cancellations.ShouldBe(platform.Total.CancellationsThisMonth);
        thisMonth.RevenueCents.ShouldBe(platform.Total.RevenueThisMonthCents);

        var hooks = platform.Webhooks.Locations.Single(w => w.LocationId == gym.Id);
        (hooks.Parked, hooks.Failed, hooks.Waiting, hooks.ReceivedLastDay).ShouldBe((1, 1, 1, 3));
        hooks.LastReceivedAt!.Value.ShouldBe(now.AddMinutes(-2), TimeSpan.FromSeconds(1));
        hooks.OldestWaitingAt!.Value.ShouldBe(now.AddMinutes(-2), TimeSpan.FromSeconds(1));
        platform.Webhooks.Parked.ShouldBe(platform.Webhooks.Locations.Sum(w => w.Parked));
        platform.Webhooks.Waiting.ShouldBe(platform.Webhooks.Locations.Sum(w => w.Waiting));
        platform.Webhooks.OldestWaitingAt!.Value.ShouldBeLessThanOrEqualTo(hooks.OldestWaitingAt.Value);
        platform.Webhooks.Locations.Where(w => w.Waiting == 0).ShouldAllBe(w => w.OldestWaitingAt == null);
        platform.Webhooks.Parked.ShouldBe(platform.Total.ParkedWebhooks);

        // Only superadmins, only on the platform site.
        (await admin.GetAsync(SignedInClients.At("admin", "/api/reports/platform"), _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await App.ClientFor(gym.Identifier, platformKey: true).GetAsync("/api/reports/platform", _ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.Forbidden);
        (await App.ClientFor("admin").GetAsync("/api/reports/platform", _ct)).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
    }
}
