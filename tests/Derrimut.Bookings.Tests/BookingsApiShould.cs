using System.Text.Json;
using Derrimut.Billing.Contracts;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Payroll.Contracts;

namespace Derrimut.Bookings.Tests;

/// <summary>The booking API end to end on each provider: paid and included sessions, bad input, cancellation, completion.</summary>
public abstract class BookingsApiShould(BookingsFixture fixture)
{
    private static readonly TimeSpan Tomorrow = TimeSpan.FromDays(1);

    [Fact]
    public async Task HoldAPaidSessionUntilItsCheckoutIsPaidThenConfirmIt()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (_, member) = await fixture.MemberAsync(fixture.A1);
        var start = await BookingsTestKit.SlotAsync(member, trainer, Tomorrow);

        var created = await (await BookingsTestKit.BookAsync(member, trainer, start)).JsonAsync(HttpStatusCode.Created);

        created.GetProperty("booking").GetProperty("status").GetString().ShouldBe("pending");
        created.GetProperty("booking").GetProperty("paymentStatus").GetString().ShouldBe("pending");
        created.GetProperty("booking").GetProperty("priceCents").GetInt64().ShouldBe(8_500);
        var checkoutUrl = created.GetProperty("checkoutUrl").GetString()!;
        (await SlotStartsAsync(member, trainer, start)).ShouldNotContain(start, "the slot is held while the checkout is open");

        await fixture.PayAsync(fixture.A1, checkoutUrl);

        var mine = await member.GetFromJsonAsync<JsonElement>("/api/bookings/mine");
        var booking = mine.GetProperty("upcoming").EnumerateArray().Single();
        booking.GetProperty("status").GetString().ShouldBe("confirmed");
        booking.GetProperty("paymentStatus").GetString().ShouldBe("paid");
        booking.GetProperty("start").GetDateTimeOffset().ShouldBe(start);
        // "My upcoming bookings" (one statement, the policy's hours read beside the sessions) answers the same booking.
        var upcoming = (await member.GetFromJsonAsync<JsonElement>("/api/bookings/mine/upcoming")).EnumerateArray().Single();
        upcoming.GetRawText().ShouldBe(booking.GetRawText());
        upcoming.GetProperty("cancellableFreeUntil").GetDateTimeOffset().ShouldBe(start - TimeSpan.FromHours(mine.GetProperty("policy").GetProperty("freeCancellationHours").GetInt32()));
    }

    [Fact]
    public async Task ReleaseTheSlotWhenTheCheckoutExpiresOrIsDeclined()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (memberId, member) = await fixture.MemberAsync(fixture.A1);
        var start = await BookingsTestKit.SlotAsync(member, trainer, Tomorrow);
        var created = await (await BookingsTestKit.BookAsync(member, trainer, start)).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("booking").GetProperty("id").GetGuid();

        await fixture.DeliverAsync(new PaymentFailed("evt_test_" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, fixture.A1.Id, memberId,
            CheckoutPurposes.TrainerBooking, null, id.ToString(), PaymentFailureStage.CheckoutExpired, null, null, null, 8_500, 773, "aud", 0, null));

        var past = (await member.GetFromJsonAsync<JsonElement>("/api/bookings/mine")).GetProperty("past").EnumerateArray().Single();
        past.GetProperty("status").GetString().ShouldBe("cancelled");
        past.GetProperty("paymentStatus").GetString().ShouldBe("unpaid");
        (await SlotStartsAsync(member, trainer, start)).ShouldContain(start);
        (await BookingsTestKit.BookAsync(member, trainer, start)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task BookAnIncludedSessionStraightAwayWhileThePlanHasSomeLeftThisMonth()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (_, member) = await fixture.MemberAsync(fixture.A1);
        // The 12-months-upfront plan includes two PT sessions a month.
        var join = await (await member.PostAsJsonAsync("/api/memberships/checkout", new { planCode = "12-month-upfront" })).JsonAsync(HttpStatusCode.OK);
        await fixture.PayAsync(fixture.A1, join.GetProperty("checkoutUrl").GetString()!);
        var slots = await member.GetFromJsonAsync<JsonElement>(
            $"/api/trainers/{trainer.Id}/slots?sessionType=cardio&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(3).ToString("O"))}");
        // Three sessions in one gym month, well apart: the first two are included, the third is paid.
        var starts = slots.EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset())
            .GroupBy(s => s.ToString("yyyy-MM")).OrderByDescending(g => g.Count()).First().Where((_, i) => i % 6 == 0).Take(3).ToList();
        starts.Count.ShouldBe(3);

        var results = new List<JsonElement>();
        foreach (var start in starts)
        {
            results.Add(await (await BookingsTestKit.BookAsync(member, trainer, start, "cardio")).JsonAsync(HttpStatusCode.Created));
        }

        results[0].GetProperty("booking").GetProperty("paymentStatus").GetString().ShouldBe("included_with_membership");
        results[0].GetProperty("booking").GetProperty("status").GetString().ShouldBe("confirmed");
        results[0].GetProperty("checkoutUrl").ValueKind.ShouldBe(JsonValueKind.Null);
        results[1].GetProperty("booking").GetProperty("paymentStatus").GetString().ShouldBe("included_with_membership");
        results[2].GetProperty("booking").GetProperty("paymentStatus").GetString().ShouldBe("pending");
        results[2].GetProperty("checkoutUrl").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task RefuseBadInputWithProblemsNamingTheField()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var other = await fixture.TrainerAsync(fixture.A2);
        var (_, member) = await fixture.MemberAsync(fixture.A1);
        var start = await BookingsTestKit.SlotAsync(member, trainer, Tomorrow);

        await ProblemAssert.NamesFieldAsync(await BookingsTestKit.BookAsync(member, trainer, DateTimeOffset.UtcNow.AddHours(-2)), "start");
        await ProblemAssert.NamesFieldAsync(await BookingsTestKit.BookAsync(member, trainer, start, "zumba"), "sessionType");
        await ProblemAssert.NamesFieldAsync(await BookingsTestKit.BookAsync(member, trainer, start.AddMinutes(10)), "start");
        await ProblemAssert.NamesFieldAsync(await member.PostAsJsonAsync("/api/bookings", new { sessionType = "personal_training" }), "trainerId");
        await ProblemAssert.IsAsync(await BookingsTestKit.BookAsync(member, other, start), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsAsync(await member.GetAsync($"/api/trainers/{other.Id}/slots"), HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.NamesFieldAsync(await member.GetAsync($"/api/trainers/{trainer.Id}/slots?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z"), "to");
    }

    [Fact]
    public async Task RefundAMemberWhoCancelsInsideTheFreeWindowAndFreeTheSlot()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (_, member) = await fixture.MemberAsync(fixture.A1);
        var start = await BookingsTestKit.SlotAsync(member, trainer, TimeSpan.FromDays(3));
        var created = await (await BookingsTestKit.BookAsync(member, trainer, start)).JsonAsync(HttpStatusCode.Created);
        await fixture.PayAsync(fixture.A1, created.GetProperty("checkoutUrl").GetString()!);
        var id = created.GetProperty("booking").GetProperty("id").GetGuid();

        var cancelled = await (await member.PostAsJsonAsync($"/api/bookings/{id}/cancel", new { reason = "Work trip" })).JsonAsync(HttpStatusCode.OK);

        cancelled.GetProperty("status").GetString().ShouldBe("cancelled");
        cancelled.GetProperty("paymentStatus").GetString().ShouldBe("refunded");
        cancelled.GetProperty("lateCancellation").GetBoolean().ShouldBeFalse();
        (await SlotStartsAsync(member, trainer, start)).ShouldContain(start);
        await ProblemAssert.IsAsync(await member.PostAsJsonAsync($"/api/bookings/{id}/cancel", new { }), HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task KeepThePaymentWhenAMemberCancelsLateButRefundWhenTheTrainerCancels()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (_, member) = await fixture.MemberAsync(fixture.A1);
        var trainerClient = await fixture.App.SignedInAsync(trainer.Email, fixture.A1.Identifier);
        var soon = await BookingsTestKit.SlotAsync(member, trainer, TimeSpan.FromHours(3));
        var later = await BookingsTestKit.SlotAsync(member, trainer, TimeSpan.FromDays(2));
        var first = await (await BookingsTestKit.BookAsync(member, trainer, soon)).JsonAsync(HttpStatusCode.Created);
        var second = await (await BookingsTestKit.BookAsync(member, trainer, later)).JsonAsync(HttpStatusCode.Created);
        await fixture.PayAsync(fixture.A1, first.GetProperty("checkoutUrl").GetString()!);
        await fixture.PayAsync(fixture.A1, second.GetProperty("checkoutUrl").GetString()!);

        var late = await (await member.PostAsJsonAsync($"/api/bookings/{first.GetProperty("booking").GetProperty("id").GetGuid()}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        var byTrainer = await (await trainerClient.PostAsJsonAsync($"/api/bookings/{second.GetProperty("booking").GetProperty("id").GetGuid()}/cancel", new { reason = "Sick" })).JsonAsync(HttpStatusCode.OK);

        late.GetProperty("lateCancellation").GetBoolean().ShouldBeTrue();
        late.GetProperty("paymentStatus").GetString().ShouldBe("paid");
        byTrainer.GetProperty("paymentStatus").GetString().ShouldBe("refunded");
    }

    [Fact]
    public async Task PayACompletedSessionOnceThroughPayroll()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (memberId, _) = await fixture.MemberAsync(fixture.A1);
        var trainerClient = await fixture.App.SignedInAsync(trainer.Email, fixture.A1.Identifier);
        var sessionId = await ConfirmedSessionAsync(trainer, memberId, DateTimeOffset.UtcNow.AddHours(-2));

        var done = await (await trainerClient.PostAsJsonAsync($"/api/trainer/sessions/{sessionId}/complete", new { notes = "Good squat depth" })).JsonAsync(HttpStatusCode.OK);

        done.GetProperty("status").GetString().ShouldBe("completed");
        await ProblemAssert.IsAsync(await trainerClient.PostAsJsonAsync($"/api/trainer/sessions/{sessionId}/complete", new { }), HttpStatusCode.Conflict, "conflict");
        // Payroll already holds it as payable work: recording it again is refused as a duplicate.
        var again = await fixture.AtAsync(fixture.A1, (sp, ct) => sp.GetRequiredService<ITrainerSessionPayables>()
            .RecordCompletedSessionAsync(new CompletedTrainerSession(trainer.PersonId, sessionId, DateOnly.FromDateTime(DateTime.UtcNow), "again"), ct));
        again.ShouldBeFalse();
        var sessions = await trainerClient.GetFromJsonAsync<JsonElement>("/api/trainer/sessions");
        sessions.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == sessionId).GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task LetOnlyTheSessionsTrainerMarkItAndNotBeforeItStarts()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var someoneElse = await fixture.TrainerAsync(fixture.A1);
        var (memberId, _) = await fixture.MemberAsync(fixture.A1);
        var future = await ConfirmedSessionAsync(trainer, memberId, DateTimeOffset.UtcNow.AddDays(5));
        var past = await ConfirmedSessionAsync(trainer, memberId, DateTimeOffset.UtcNow.AddDays(-1));
        var own = await fixture.App.SignedInAsync(trainer.Email, fixture.A1.Identifier);
        var other = await fixture.App.SignedInAsync(someoneElse.Email, fixture.A1.Identifier);

        await ProblemAssert.IsAsync(await own.PostAsJsonAsync($"/api/trainer/sessions/{future}/no-show", new { }), HttpStatusCode.Conflict, "conflict");
        await ProblemAssert.IsAsync(await other.PostAsJsonAsync($"/api/trainer/sessions/{past}/no-show", new { }), HttpStatusCode.NotFound, "not-found");
        (await (await own.PostAsJsonAsync($"/api/trainer/sessions/{past}/no-show", new { })).JsonAsync(HttpStatusCode.OK)).GetProperty("status").GetString().ShouldBe("no_show");
    }

    [Fact]
    public async Task ShowTrainersAndTheirSessionsOnlyAtTheirOwnGym()
    {
        var here = await fixture.TrainerAsync(fixture.A1);
        var there = await fixture.TrainerAsync(fixture.B1);
        var anonymous = fixture.App.ClientFor(fixture.A1.Identifier);

        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/trainers");

        list.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ShouldContain(here.Id);
        list.EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ShouldNotContain(there.Id);
        (await anonymous.GetAsync($"/api/trainers/{there.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var profile = await anonymous.GetFromJsonAsync<JsonElement>($"/api/trainers/{here.Id}");
        profile.GetProperty("offers").EnumerateArray().Select(o => o.GetProperty("sessionType").GetString()).ShouldBe(["cardio", "personal_training"], ignoreOrder: true);
        // The trainer of another gym has no profile here: their own API answers 404, not another gym's data.
        var thereAtHere = await fixture.App.SignedInAsync(there.Email, fixture.A1.Identifier);
        (await thereAtHere.GetAsync("/api/trainer/sessions")).StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SetWeeklyHoursAndLeaveThatShapeTheSlots()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var client = await fixture.App.SignedInAsync(trainer.Email, fixture.A1.Identifier);
        var saved = await (await client.PutAsJsonAsync("/api/trainer/availability/weekly", new
        {
            weekly = Enum.GetNames<DayOfWeek>().Select(d => new { day = d.ToLowerInvariant(), starts = "09:00", ends = "11:00" }),
        })).JsonAsync(HttpStatusCode.OK);
        saved.GetProperty("weekly").GetArrayLength().ShouldBe(7);
        await ProblemAssert.NamesFieldAsync(await client.PutAsJsonAsync("/api/trainer/availability/weekly", new { weekly = new[] { new { day = "funday", starts = "09:00", ends = "11:00" } } }), "weekly[0].day");

        // From tomorrow's start in the gym's time: today's 9:00 may already be inside the notice period.
        var melbourne = TimeZoneInfo.FindSystemTimeZoneById("Australia/Melbourne");
        var tomorrow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, melbourne).Date.AddDays(1);
        var from = Uri.EscapeDataString(new DateTimeOffset(tomorrow, melbourne.GetUtcOffset(tomorrow)).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var slots = await client.GetFromJsonAsync<JsonElement>($"/api/trainers/{trainer.Id}/slots?sessionType=personal_training&from={from}");
        // Two hours a day of 60-minute sessions on the half hour: 9:00, 9:30, 10:00.
        var first = slots[0].GetProperty("start").GetDateTimeOffset();
        first.ToString("HH:mm").ShouldBe("09:00");
        var date = DateOnly.FromDateTime(first.DateTime);
        slots.EnumerateArray().Count(s => DateOnly.FromDateTime(s.GetProperty("start").GetDateTimeOffset().DateTime) == date).ShouldBe(3);

        await (await client.PostAsJsonAsync("/api/trainer/availability/exceptions", new { date, kind = "leave" })).JsonAsync(HttpStatusCode.OK);
        var afterLeave = await client.GetFromJsonAsync<JsonElement>($"/api/trainers/{trainer.Id}/slots?sessionType=personal_training");
        afterLeave.EnumerateArray().ShouldNotContain(s => DateOnly.FromDateTime(s.GetProperty("start").GetDateTimeOffset().DateTime) == date);
    }

    [Fact]
    public async Task PublishAPrivateCalendarFeedWhoseAddressCanBeReplaced()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (memberId, _) = await fixture.MemberAsync(fixture.A1);
        await ConfirmedSessionAsync(trainer, memberId, DateTimeOffset.UtcNow.AddDays(2));
        var client = await fixture.App.SignedInAsync(trainer.Email, fixture.A1.Identifier);
        var anonymous = fixture.App.ClientFor(fixture.A1.Identifier);

        var url = (await client.GetFromJsonAsync<JsonElement>("/api/trainer/calendar-feed")).GetProperty("url").GetString()!;
        var feed = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        var text = await feed.Content.ReadAsStringAsync();

        feed.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        text.ShouldContain("BEGIN:VEVENT");
        text.ShouldContain("Personal training");
        var replaced = (await (await client.PostAsync("/api/trainer/calendar-feed/replace", null)).JsonAsync(HttpStatusCode.OK)).GetProperty("url").GetString()!;
        replaced.ShouldNotBe(url);
        (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri(replaced).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Another gym's host does not serve this gym's trainer.
        (await fixture.App.ClientFor(fixture.B1.Identifier).GetAsync(new Uri(replaced).PathAndQuery)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LetAnAdminSetThePolicySessionTypesAndATrainersProfile()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.com";
        await fixture.CreatePersonAsync(fixture.A2, adminEmail, Derrimut.Identity.Contracts.IdentityRoles.Admin);
        var admin = await fixture.App.SignedInAsync(adminEmail, fixture.A2.Identifier);
        var trainerPerson = await fixture.CreatePersonAsync(fixture.A2, $"t-{Guid.NewGuid():N}@example.com", Derrimut.Identity.Contracts.IdentityRoles.Trainer);
        var (memberId, member) = await fixture.MemberAsync(fixture.A2);

        var policy = await (await admin.PutAsJsonAsync("/api/bookings/policy", new { freeCancellationHours = 48, bufferMinutes = 0, noticeMinutes = 60 })).JsonAsync(HttpStatusCode.OK);
        policy.GetProperty("freeCancellationHours").GetInt32().ShouldBe(48);
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync("/api/bookings/policy", new { freeCancellationHours = 48, bufferMinutes = 7, noticeMinutes = 60 }), "bufferMinutes");
        var yoga = await (await admin.PutAsJsonAsync("/api/bookings/session-types/yoga", new { name = "Yin yoga", defaultMinutes = 75, defaultPriceCents = 5_500 })).JsonAsync(HttpStatusCode.OK);
        yoga.GetProperty("name").GetString().ShouldBe("Yin yoga");

        var profile = await (await admin.PutAsJsonAsync($"/api/trainers/profiles/{trainerPerson}", new
        {
            displayName = "Sam Strong", bio = "Lifting coach.", offers = new[] { new { sessionType = "yoga", minutes = 75, priceCents = 6_000 } },
        })).JsonAsync(HttpStatusCode.OK);
        profile.GetProperty("offers")[0].GetProperty("name").GetString().ShouldBe("Yin yoga");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync($"/api/trainers/profiles/{memberId}", new { displayName = "Not a trainer" }), "personId");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync($"/api/trainers/profiles/{trainerPerson}", new { displayName = "Sam", offers = new[] { new { sessionType = "yoga", minutes = 70, priceCents = 6_000 } } }), "offers[0].minutes");
        (await member.PutAsJsonAsync("/api/bookings/policy", new { freeCancellationHours = 1, bufferMinutes = 0, noticeMinutes = 0 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var listed = await fixture.App.ClientFor(fixture.A2.Identifier).GetFromJsonAsync<JsonElement>("/api/trainers?sessionType=yoga");
        listed.EnumerateArray().Select(t => t.GetProperty("displayName").GetString()).ShouldContain("Sam Strong");
    }

    [Fact]
    public async Task RememberAMembersUpcomingBookingsPerGymAndDropThemTheMomentTheyChange()
    {
        // One person, a member at two gyms (two franchises): "my upcoming bookings" is remembered per gym and member.
        var email = $"m-{Guid.NewGuid():N}@example.com";
        await fixture.CreatePersonAsync(fixture.A1, email);
        await fixture.CreatePersonAsync(fixture.B1, email);
        var here = await fixture.App.SignedInAsync(email, fixture.A1.Identifier);
        var there = await fixture.App.SignedInAsync(email, fixture.B1.Identifier);
        var trainerHere = await fixture.TrainerAsync(fixture.A1);
        var trainerThere = await fixture.TrainerAsync(fixture.B1);
        (await UpcomingIdsAsync(here)).ShouldBeEmpty();
        (await UpcomingIdsAsync(there)).ShouldBeEmpty();

        var (bookedHere, checkoutHere) = await BookAsync(here, trainerHere);

        (await UpcomingIdsAsync(here)).ShouldBe([bookedHere], "booking dropped the remembered empty list");
        (await UpcomingIdsAsync(there)).ShouldBeEmpty("the other gym's answer is its own");

        var (bookedThere, _) = await BookAsync(there, trainerThere);

        (await UpcomingIdsAsync(there)).ShouldBe([bookedThere]);
        (await UpcomingIdsAsync(here)).ShouldBe([bookedHere], "a booking at another gym is not shown here");

        await fixture.PayAsync(fixture.A1, checkoutHere);

        (await OnlyUpcomingAsync(here)).GetProperty("status").GetString().ShouldBe("confirmed", "the payment (Billing's event) dropped the remembered pending booking");

        (await here.PostAsJsonAsync($"/api/bookings/{bookedHere}/cancel", new { reason = "Changed plans" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await UpcomingIdsAsync(here)).ShouldBeEmpty("the cancellation dropped the remembered booking");
        (await UpcomingIdsAsync(there)).ShouldBe([bookedThere]);
    }

    [Fact]
    public async Task ShowANewCancellationPolicyOnRememberedUpcomingBookingsAtOnce()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@example.com";
        await fixture.CreatePersonAsync(fixture.A2, adminEmail, Derrimut.Identity.Contracts.IdentityRoles.Admin);
        var admin = await fixture.App.SignedInAsync(adminEmail, fixture.A2.Identifier);
        var trainer = await fixture.TrainerAsync(fixture.A2);
        var (_, member) = await fixture.MemberAsync(fixture.A2);
        (await admin.PutAsJsonAsync("/api/bookings/policy", new { freeCancellationHours = 24, bufferMinutes = 0, noticeMinutes = 60 })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var start = await BookingsTestKit.SlotAsync(member, trainer, TimeSpan.FromDays(3));
        (await BookingsTestKit.BookAsync(member, trainer, start)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await FreeUntilAsync()).ShouldBe(start - TimeSpan.FromHours(24));

        (await admin.PutAsJsonAsync("/api/bookings/policy", new { freeCancellationHours = 48, bufferMinutes = 0, noticeMinutes = 60 })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await FreeUntilAsync()).ShouldBe(start - TimeSpan.FromHours(48), "saving the policy dropped the gym's remembered answers");

        async Task<DateTimeOffset> FreeUntilAsync() =>
            (await member.GetFromJsonAsync<JsonElement>("/api/bookings/mine/upcoming")).EnumerateArray().Single().GetProperty("cancellableFreeUntil").GetDateTimeOffset();
    }

    private static async Task<JsonElement> OnlyUpcomingAsync(HttpClient member) =>
        (await member.GetFromJsonAsync<JsonElement>("/api/bookings/mine/upcoming")).EnumerateArray().Single();

    private static async Task<List<Guid>> UpcomingIdsAsync(HttpClient member) =>
        (await member.GetFromJsonAsync<JsonElement>("/api/bookings/mine/upcoming")).EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToList();

    private static async Task<(Guid Id, string CheckoutUrl)> BookAsync(HttpClient member, TestTrainer trainer)
    {
        var start = await BookingsTestKit.SlotAsync(member, trainer, Tomorrow);
        var created = await (await BookingsTestKit.BookAsync(member, trainer, start)).JsonAsync(HttpStatusCode.Created);
        return (created.GetProperty("booking").GetProperty("id").GetGuid(), created.GetProperty("checkoutUrl").GetString()!);
    }

    private Task<Guid> ConfirmedSessionAsync(TestTrainer trainer, Guid memberId, DateTimeOffset start) => fixture.AtAsync(fixture.A1, async (sp, ct) =>
    {
        // Sessions in the past cannot be booked through the API; arrange one as a booking made last week would be.
        var db = sp.GetRequiredService<DerrimutDbContext>();
        var type = await db.Set<SessionType>().FirstAsync(t => t.Code == "personal_training", ct);
        start = CalendarBlocks.Floor(start);
        var session = new PtSession
        {
            MemberId = memberId, TrainerId = trainer.Id, SessionTypeId = type.Id, SessionTypeCode = type.Code, SessionTypeName = type.Name,
            StartsAt = start, EndsAt = start.AddHours(1), Minutes = 60, Status = Derrimut.Bookings.Contracts.BookingStatus.Confirmed,
            PaymentStatus = Derrimut.Bookings.Contracts.BookingPaymentStatus.Paid, PriceCents = 8_500,
        };
        db.Add(session);
        sp.GetRequiredService<TrainerCalendar>().Hold(trainer.Id, memberId, session.StartsAt, session.EndsAt, CommitmentKinds.PtSession, session.Id);
        await db.SaveChangesAsync(ct);
        return session.Id;
    });

    private static async Task<List<DateTimeOffset>> SlotStartsAsync(HttpClient client, TestTrainer trainer, DateTimeOffset around)
    {
        var slots = await client.GetFromJsonAsync<JsonElement>(
            $"/api/trainers/{trainer.Id}/slots?sessionType=personal_training&from={Uri.EscapeDataString(around.AddHours(-3).ToString("O"))}&to={Uri.EscapeDataString(around.AddHours(3).ToString("O"))}");
        return slots.EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()).ToList();
    }
}

public sealed class BookingsApiOnSqliteShould(SqliteBookingsFixture fixture) : BookingsApiShould(fixture), IClassFixture<SqliteBookingsFixture>;

public sealed class BookingsApiOnPostgreSqlShould(PostgresBookingsFixture fixture) : BookingsApiShould(fixture), IClassFixture<PostgresBookingsFixture>;
