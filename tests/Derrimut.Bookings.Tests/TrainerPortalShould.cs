using System.Net.Http.Headers;
using System.Text.Json;
using Derrimut.Billing.Contracts;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Features.Book;
using Derrimut.Bookings.Jobs;
using Derrimut.Identity.Contracts;
using SkiaSharp;

namespace Derrimut.Bookings.Tests;

/// <summary>
/// The trainer portal end to end on each provider: a late payment refunded by itself, trainer photos stored by the app,
/// the dashboard, the client roster, earnings per pay period from Payroll, the admin's trainer list.
/// </summary>
public abstract class TrainerPortalShould(BookingsFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RefundAPaymentThatArrivesAfterItsHoldWasReleased()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (memberId, member) = await fixture.MemberAsync(fixture.A1);
        var start = await BookingsTestKit.SlotAsync(member, trainer, TimeSpan.FromDays(2));
        var created = await (await BookingsTestKit.BookAsync(member, trainer, start)).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("booking").GetProperty("id").GetGuid();
        // The gym gives up on the checkout (it expired), then the member's payment goes through anyway.
        await fixture.DeliverAsync(new PaymentFailed("evt_test_" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, fixture.A1.Id, memberId,
            CheckoutPurposes.TrainerBooking, null, id.ToString(), PaymentFailureStage.CheckoutExpired, null, null, null, 8_500, 773, "aud", 0, null));
        await fixture.PayAsync(fixture.A1, created.GetProperty("checkoutUrl").GetString()!);

        var due = await SessionAsync(id);
        (due.Status, due.PaymentStatus, due.RefundDue).ShouldBe((Derrimut.Bookings.Contracts.BookingStatus.Cancelled, Derrimut.Bookings.Contracts.BookingPaymentStatus.Paid, true));
        due.PaymentIntentId.ShouldNotBeNull();

        var job = ActivatorUtilities.CreateInstance<LatePaymentRefundsJob>(fixture.App.Services);
        await job.RunOnceAsync(Ct);
        await job.RunOnceAsync(Ct); // a second run finds nothing left to refund

        var refunded = await SessionAsync(id);
        refunded.PaymentStatus.ShouldBe(Derrimut.Bookings.Contracts.BookingPaymentStatus.Refunded);
        refunded.RefundDue.ShouldBeFalse();
        refunded.RefundId.ShouldNotBeNull();
        var changes = await fixture.AtAsync(fixture.A1, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>().Set<PtSessionChange>().Where(c => c.SessionId == id).Select(c => c.Action).ToListAsync(ct));
        changes.ShouldContain("paid-after-release");
        changes.Count(c => c == "refunded").ShouldBe(1);
        var past = (await member.GetFromJsonAsync<JsonElement>("/api/bookings/mine", Ct)).GetProperty("past").EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == id);
        past.GetProperty("paymentStatus").GetString().ShouldBe("refunded");
        // The slot went back to the calendar when the hold was released and stays free.
        (await BookingsTestKit.BookAsync(member, trainer, start)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task GiveAMemberTheirOwnBookingBackWhenTheyBookTheSameSessionAgain()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (_, member) = await fixture.MemberAsync(fixture.A1);
        var (_, other) = await fixture.MemberAsync(fixture.A1);
        var start = await BookingsTestKit.SlotAsync(member, trainer, TimeSpan.FromDays(3));
        var first = await (await BookingsTestKit.BookAsync(member, trainer, start)).JsonAsync(HttpStatusCode.Created);

        // A double click, or a retry whose first answer was lost: the same booking and checkout, not "slot taken".
        var again = await (await BookingsTestKit.BookAsync(member, trainer, start)).JsonAsync(HttpStatusCode.Created);
        again.GetProperty("booking").GetProperty("id").GetGuid().ShouldBe(first.GetProperty("booking").GetProperty("id").GetGuid());
        again.GetProperty("checkoutUrl").GetString().ShouldBe(first.GetProperty("checkoutUrl").GetString());
        // Anyone else is still refused the slot, and the calendar holds it once.
        (await BookingsTestKit.BookAsync(other, trainer, start)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await fixture.AtAsync(fixture.A1, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>().Set<PtSession>()
            .CountAsync(s => s.TrainerId == trainer.Id && s.StartsAt == start.ToUniversalTime(), ct))).ShouldBe(1);
    }

    [Fact]
    public async Task OpenTheCheckoutOfAHoldLeftWithoutOneOnRetryAndReleaseItAfterTheGrace()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (_, member) = await fixture.MemberAsync(fixture.A1);
        var (_, other) = await fixture.MemberAsync(fixture.A1);
        var start = await BookingsTestKit.SlotAsync(member, trainer, TimeSpan.FromDays(4));
        var later = await BookingsTestKit.SlotAsync(member, trainer, TimeSpan.FromDays(6));

        // The node died between the hold and the checkout: the hold committed, no checkout was opened.
        async Task<Guid> HoldWithoutCheckoutAsync(DateTimeOffset at, TimeSpan age)
        {
            var created = await (await BookingsTestKit.BookAsync(member, trainer, at)).JsonAsync(HttpStatusCode.Created);
            var id = created.GetProperty("booking").GetProperty("id").GetGuid();
            await fixture.AtAsync(fixture.A1, async (sp, ct) =>
            {
                var db = sp.GetRequiredService<DerrimutDbContext>();
                var session = await db.Set<PtSession>().FirstAsync(s => s.Id == id, ct);
                (session.CheckoutSessionId, session.CheckoutUrl, session.CheckoutExpiresAt) = (null, null, null);
                session.CreatedAt -= age;
                await db.SaveChangesAsync(ct);
            });
            return id;
        }

        // A retry of the same booking opens its checkout -- once the first request has had its time to do so.
        var retried = await HoldWithoutCheckoutAsync(start, TimeSpan.Zero);
        var tooSoon = await BookingsTestKit.BookAsync(member, trainer, start);
        tooSoon.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        tooSoon.Headers.RetryAfter.ShouldNotBeNull("a careful client asks again once the first request has had its time");
        (await tooSoon.Content.ReadAsStringAsync()).ShouldContain("idempotent-request-in-flight");
        await fixture.AtAsync(fixture.A1, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            (await db.Set<PtSession>().FirstAsync(s => s.Id == retried, ct)).CreatedAt -= BookSessionHandler.CheckoutStillOpening + TimeSpan.FromSeconds(5);
            await db.SaveChangesAsync(ct);
        });
        var answer = await (await BookingsTestKit.BookAsync(member, trainer, start)).JsonAsync(HttpStatusCode.Created);
        answer.GetProperty("booking").GetProperty("id").GetGuid().ShouldBe(retried);
        answer.GetProperty("checkoutUrl").GetString().ShouldNotBeNullOrEmpty();
        (await SessionAsync(retried)).CheckoutSessionId.ShouldNotBeNull();

        // One nobody retries is released by the job once the grace has passed -- and only that one.
        var abandoned = await HoldWithoutCheckoutAsync(later, LapsedHoldsJob.CheckoutNeverOpenedGrace + TimeSpan.FromMinutes(1));
        var job = ActivatorUtilities.CreateInstance<LapsedHoldsJob>(fixture.App.Services);
        await job.RunOnceAsync(Ct);
        await job.RunOnceAsync(Ct); // a second run finds nothing left

        var released = await SessionAsync(abandoned);
        (released.Status, released.PaymentStatus).ShouldBe((Derrimut.Bookings.Contracts.BookingStatus.Cancelled, Derrimut.Bookings.Contracts.BookingPaymentStatus.Unpaid));
        (await fixture.AtAsync(fixture.A1, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>().Set<PtSessionChange>()
            .CountAsync(c => c.SessionId == abandoned && c.Action == "hold-lapsed", ct))).ShouldBe(1);
        (await SessionAsync(retried)).Status.ShouldBe(Derrimut.Bookings.Contracts.BookingStatus.Pending, "its checkout is open: the gateway's expiry decides");
        (await BookingsTestKit.BookAsync(other, trainer, later)).StatusCode.ShouldBe(HttpStatusCode.Created, "the trainer's time is free again");
    }

    [Fact]
    public async Task StoreATrainersPhotoResizedAndServeItOnlyAtTheirGym()
    {
        var admin = await AdminAsync(fixture.A1);
        var trainer = await fixture.TrainerAsync(fixture.A1);

        var uploaded = await (await admin.PutAsync($"/api/trainers/profiles/{trainer.PersonId}/photo", Png(1200, 800), Ct)).JsonAsync(HttpStatusCode.OK);
        var url = uploaded.GetProperty("photoUrl").GetString()!;
        var served = await fixture.App.ClientFor(fixture.A1.Identifier).GetAsync(url, Ct);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        using (var stored = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync(Ct)))
        {
            // Cropped to the centre square and scaled down to the stored side.
            (stored.Width, stored.Height).ShouldBe((320, 320));
        }

        (await fixture.App.ClientFor(fixture.A1.Identifier).GetFromJsonAsync<JsonElement>($"/api/trainers/{trainer.Id}", Ct)).GetProperty("photoUrl").GetString().ShouldBe(url);
        (await fixture.App.ClientFor(fixture.A2.Identifier).GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The trainer replaces their own photo: a new version, a new URL.
        var own = await fixture.App.SignedInAsync(trainer.Email, fixture.A1.Identifier);
        var replaced = await (await own.PutAsync("/api/trainer/photo", Png(200, 300), Ct)).JsonAsync(HttpStatusCode.OK);
        replaced.GetProperty("photoUrl").GetString().ShouldNotBe(url);

        var notAnImage = new ByteArrayContent("hello"u8.ToArray());
        notAnImage.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsync($"/api/trainers/profiles/{trainer.PersonId}/photo", notAnImage, Ct), "photo");
        await ProblemAssert.NamesFieldAsync(await own.PutAsync("/api/trainer/photo", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct), "photo");
        var (_, member) = await fixture.MemberAsync(fixture.A1);
        (await member.PutAsync($"/api/trainers/profiles/{trainer.PersonId}/photo", Png(10, 10), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Another gym's admin cannot reach this gym's trainer.
        var otherAdmin = await AdminAsync(fixture.A2);
        (await otherAdmin.PutAsync($"/api/trainers/profiles/{trainer.PersonId}/photo", Png(10, 10), Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ShowTheTrainerTheirDayTheirClientsAndWhatACompletedSessionEarns()
    {
        var admin = await AdminAsync(fixture.A1);
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var (memberId, member) = await fixture.MemberAsync(fixture.A1);
        (await admin.PutAsJsonAsync($"/api/payroll/employees/{trainer.PersonId}/settings", new
        {
            employmentType = "casual", payBasis = "per-session", hourlyRate = 30.68m, sessionRate = 45.00m, payFrequency = "fortnightly",
            tfnProvided = true, claimsTaxFreeThreshold = true, residency = "resident", medicareLevyExemption = "none",
            superFundName = "AustralianSuper", superFundUsi = "STA0100AU", superMemberNumber = "40123456", bsb = "062-000", accountNumber = "12345678", accountName = "Test Trainer",
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = await ConfirmedSessionAsync(trainer, memberId, DateTimeOffset.UtcNow.AddHours(-2));
        var upcomingStart = await BookingsTestKit.SlotAsync(member, trainer, TimeSpan.FromDays(1));
        var upcoming = await (await BookingsTestKit.BookAsync(member, trainer, upcomingStart)).JsonAsync(HttpStatusCode.Created);
        await fixture.PayAsync(fixture.A1, upcoming.GetProperty("checkoutUrl").GetString()!);
        var client = await fixture.App.SignedInAsync(trainer.Email, fixture.A1.Identifier);

        (await client.PostAsJsonAsync($"/api/trainer/sessions/{done}/complete", new { notes = "Good squat depth" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/trainer/dashboard", Ct);
        dashboard.GetProperty("nextSession").GetProperty("id").GetGuid().ShouldBe(upcoming.GetProperty("booking").GetProperty("id").GetGuid());
        var week = dashboard.GetProperty("week");
        week.GetProperty("sessions").GetInt32().ShouldBe(1);
        week.GetProperty("amountCents").GetInt64().ShouldBe(4_500);

        var clients = await client.GetFromJsonAsync<JsonElement>("/api/trainer/clients", Ct);
        var mine = clients.EnumerateArray().Single();
        mine.GetProperty("memberId").GetGuid().ShouldBe(memberId);
        mine.GetProperty("completed").GetInt32().ShouldBe(1);
        mine.GetProperty("notes")[0].GetProperty("text").GetString().ShouldBe("Good squat depth");
        mine.GetProperty("bookings").GetArrayLength().ShouldBe(2);
        mine.GetProperty("plan").ValueKind.ShouldBe(JsonValueKind.Null);

        var earnings = await client.GetFromJsonAsync<JsonElement>("/api/payroll/me/trainer-earnings", Ct);
        var next = earnings.EnumerateArray().Single();
        next.GetProperty("paidOn").ValueKind.ShouldBe(JsonValueKind.Null);
        next.GetProperty("sessions").GetInt32().ShouldBe(1);
        next.GetProperty("rate").GetDecimal().ShouldBe(45.00m);
        next.GetProperty("amount").GetDecimal().ShouldBe(45.00m);
        next.GetProperty("lines")[0].GetProperty("sessionId").GetGuid().ShouldBe(done);

        // Another trainer here has none of these clients; a member has no trainer portal.
        var other = await fixture.TrainerAsync(fixture.A1);
        var otherClient = await fixture.App.SignedInAsync(other.Email, fixture.A1.Identifier);
        (await otherClient.GetFromJsonAsync<JsonElement>("/api/trainer/clients", Ct)).GetArrayLength().ShouldBe(0);
        (await otherClient.GetFromJsonAsync<JsonElement>("/api/payroll/me/trainer-earnings", Ct)).GetArrayLength().ShouldBe(0);
        (await member.GetAsync("/api/trainer/dashboard", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await member.GetAsync("/api/payroll/me/trainer-earnings", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListThisGymsTrainersWithTheirProfilesForAdminsOnly()
    {
        var admin = await AdminAsync(fixture.A2);
        var withProfile = await fixture.TrainerAsync(fixture.A2);
        var withoutProfile = await fixture.CreatePersonAsync(fixture.A2, $"t-{Guid.NewGuid():N}@example.com", IdentityRoles.Trainer);
        var elsewhere = await fixture.TrainerAsync(fixture.B1);

        var rows = (await admin.GetFromJsonAsync<JsonElement>("/api/trainers/profiles", Ct)).EnumerateArray().ToList();

        var row = rows.Single(r => r.GetProperty("personId").GetGuid() == withProfile.PersonId);
        row.GetProperty("profile").GetProperty("offers").GetArrayLength().ShouldBe(2);
        rows.Single(r => r.GetProperty("personId").GetGuid() == withoutProfile).GetProperty("profile").ValueKind.ShouldBe(JsonValueKind.Null);
        rows.ShouldNotContain(r => r.GetProperty("personId").GetGuid() == elsewhere.PersonId);
        var (_, member) = await fixture.MemberAsync(fixture.A2);
        (await member.GetAsync("/api/trainers/profiles", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<HttpClient> AdminAsync(TestTenant gym)
    {
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        await fixture.CreatePersonAsync(gym, email, IdentityRoles.Admin);
        return await fixture.App.SignedInAsync(email, gym.Identifier);
    }

    private Task<PtSession> SessionAsync(Guid id) => fixture.AtAsync(fixture.A1, (sp, ct) =>
        sp.GetRequiredService<DerrimutDbContext>().Set<PtSession>().AsNoTracking().FirstAsync(s => s.Id == id, ct));

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

    private static ByteArrayContent Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var content = new ByteArrayContent(data.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }
}

public sealed class TrainerPortalOnSqliteShould(SqliteBookingsFixture fixture) : TrainerPortalShould(fixture), IClassFixture<SqliteBookingsFixture>;

public sealed class TrainerPortalOnPostgreSqlShould(PostgresBookingsFixture fixture) : TrainerPortalShould(fixture), IClassFixture<PostgresBookingsFixture>;
