using System.Globalization;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Memberships.Seeding;
using Microsoft.AspNetCore.Identity;

namespace Derrimut.Bookings.Tests.Classes;

/// <summary>Arranges gyms for class tests: members on a plan, trainers, class types and classes, through the module's own handlers.</summary>
internal static class ClassTestKit
{
    /// <summary>A person holding <paramref name="role"/> at the gym, with a membership in <paramref name="status"/> on <paramref name="planCode"/>.</summary>
    public static async Task<(Guid Id, string Email)> MemberAsync(
        BookingsFixture fixture, TestTenant gym, string planCode = "12-month-minimum", MembershipStatus? status = MembershipStatus.Active, string role = IdentityRoles.Member)
    {
        var email = $"m-{Guid.NewGuid():N}@example.com";
        var id = await PersonAsync(fixture, gym, email, role);
        if (status is { } state)
        {
            await MembershipAsync(fixture, gym, id, planCode, state);
        }

        return (id, email);
    }

    public static async Task<Guid> PersonAsync(BookingsFixture fixture, TestTenant gym, string email, string role)
    {
        Guid id;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<DerrimutUser>>();
            var user = new DerrimutUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Member " + email[2..8], CreatedAt = DateTimeOffset.UtcNow,
            };
            (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
            id = user.Id;
        }

        await fixture.AtAsync(gym, (sp, ct) => sp.GetRequiredService<ILocationAccessGrants>().JoinAsync(id, role, ct));
        return id;
    }

    public static Task MembershipAsync(BookingsFixture fixture, TestTenant gym, Guid personId, string planCode, MembershipStatus status) =>
        fixture.AtAsync(gym, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            await MembershipsSeeder.EnsureStandardPlansAsync(db, ct);
            var plan = await db.Set<Plan>().SingleAsync(p => p.Code == planCode, ct);
            var live = status is MembershipStatus.Active or MembershipStatus.Pending or MembershipStatus.PastDue;
            db.Add(new Membership
            {
                UserId = personId, LiveUserId = live ? personId : null, PlanId = plan.Id, PlanCode = plan.Code, Status = status,
                StartedAt = DateTimeOffset.UtcNow.AddDays(-20), EndedAt = live ? null : DateTimeOffset.UtcNow.AddDays(-1),
            });
            await db.SaveChangesAsync(ct);
        });

    public static Task<Guid> TrainerAsync(BookingsFixture fixture, TestTenant gym, string name = "Tess Trainer") =>
        fixture.AtAsync(gym, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var trainer = new Trainer { PersonId = Guid.CreateVersion7(), DisplayName = name };
            db.Add(trainer);
            await db.SaveChangesAsync(ct);
            return trainer.Id;
        });

    public static Task<ClassTypeDto> ClassTypeAsync(BookingsFixture fixture, TestTenant gym, int capacity, int minutes = 60, string? name = null) =>
        fixture.AtAsync(gym, (sp, ct) => sp.GetRequiredService<ClassTypesHandler>()
            .CreateAsync(new CreateClassTypeRequest(name ?? $"Spin {Guid.NewGuid():N}"[..14], "Indoor cycling", minutes, capacity, "Studio 1", ClassLevel.AllLevels), ct));

    /// <summary>A one-off class starting <paramref name="fromNow"/> from now (rounded to the quarter hour) at the gym.</summary>
    public static Task<ClassOccurrenceDto> ClassAsync(BookingsFixture fixture, TestTenant gym, int capacity, TimeSpan fromNow, Guid? trainerId = null, int minutes = 60) =>
        fixture.AtAsync(gym, async (sp, ct) =>
        {
            var type = await ClassTypeAsync(fixture, gym, capacity, minutes);
            var trainer = trainerId ?? await TrainerAsync(fixture, gym);
            var clock = sp.GetRequiredService<IGymClock>();
            var local = clock.ToLocal(clock.UtcNow + fromNow);
            var start = new DateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute / 15 * 15, 0);
            return await sp.GetRequiredService<ClassTimetableWriter>().CreateOneOffAsync(
                new CreateOneOffClassRequest(type.Id, trainer, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.ToString("HH:mm", CultureInfo.InvariantCulture), capacity), ct);
        });
}
