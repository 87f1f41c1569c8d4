using System.Security.Claims;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.BuildingBlocks.Media;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.TrainerPortal;

/// <summary>
/// The signed-in trainer's portal reads: the dashboard (today's sessions, the next client, the week's earnings from the
/// pay module through <see cref="ITrainerEarningsGlance"/>) and the client roster (each client's sessions with this
/// trainer, the trainer's notes, and the client's current AI plan through the <see cref="IClientPlans"/> seam AiPlans fills).
/// </summary>
internal sealed class TrainerPortalHandler(BookingReads reads, IPeopleReadModel people, IServiceProvider services)
{
    public async Task<TrainerDashboardDto> DashboardAsync(Guid personId, CancellationToken cancellationToken)
    {
        var trainerId = await reads.OwnTrainerIdAsync(personId, cancellationToken);
        var db = reads.Db;
        var clock = reads.Clock;
        var policy = await reads.PolicyAsync(cancellationToken);
        var today = clock.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var dayStart = clock.StartOf(today).ToUniversalTime();
        var dayEnd = clock.StartOf(today.AddDays(1)).ToUniversalTime();
        var weekEnd = clock.StartOf(monday.AddDays(7)).ToUniversalTime();
        var now = clock.UtcNow;
        var todays = await reads.DtosAsync(db.Set<PtSession>().Where(s => s.TrainerId == trainerId && s.StartsAt >= dayStart && s.StartsAt < dayEnd && s.Status != BookingStatus.Cancelled), policy, cancellationToken);
        var next = (await reads.DtosAsync(db.Set<PtSession>().Where(s => s.TrainerId == trainerId && s.Status == BookingStatus.Confirmed && s.StartsAt > now)
            .OrderBy(s => s.StartsAt).Take(1), policy, cancellationToken)).FirstOrDefault();
        var upcoming = await db.Set<PtSession>().CountAsync(s => s.TrainerId == trainerId && s.Status == BookingStatus.Confirmed && s.StartsAt > now && s.StartsAt < weekEnd, cancellationToken);
        var glance = services.GetService<ITrainerEarningsGlance>();
        var week = glance is null ? null : await glance.BetweenAsync(personId, monday, monday.AddDays(6), cancellationToken);
        var name = await db.Set<Trainer>().Where(t => t.Id == trainerId).Select(t => t.DisplayName).FirstAsync(cancellationToken);
        return new TrainerDashboardDto(name, todays, next, week, upcoming);
    }

    public async Task<IReadOnlyList<TrainerClientDto>> ClientsAsync(Guid personId, CancellationToken cancellationToken)
    {
        var trainerId = await reads.OwnTrainerIdAsync(personId, cancellationToken);
        var db = reads.Db;
        var policy = await reads.PolicyAsync(cancellationToken);
        var now = reads.Clock.UtcNow;
        // A client is a member with a session with this trainer that was not just an abandoned checkout.
        var sessions = await reads.DtosAsync(db.Set<PtSession>().Where(s => s.TrainerId == trainerId
            && (s.Status != BookingStatus.Cancelled || s.PaymentStatus != BookingPaymentStatus.Unpaid)), policy, cancellationToken);
        var memberIds = sessions.Select(s => s.MemberId).Distinct().ToList();
        var notes = await db.Set<PtSession>().AsNoTracking().Where(s => s.TrainerId == trainerId && s.Notes != null)
            .Select(s => new { s.Id, s.MemberId, s.StartsAt, s.Notes }).ToListAsync(cancellationToken);
        var emails = await people.People.Where(p => memberIds.Contains(p.UserId)).Select(p => new { p.UserId, p.Email }).ToListAsync(cancellationToken);
        var plans = services.GetService<IClientPlans>();
        var planByMember = plans is null ? new Dictionary<Guid, ClientPlanGlance>() : await plans.ActivePlansAsync(memberIds, cancellationToken);
        return memberIds.Select(id =>
            {
                var mine = sessions.Where(s => s.MemberId == id).OrderByDescending(s => s.Start).ToList();
                var plan = planByMember.GetValueOrDefault(id);
                return new TrainerClientDto(
                    id,
                    mine.Select(s => s.MemberName).FirstOrDefault(n => n is not null) ?? "A member",
                    emails.FirstOrDefault(e => e.UserId == id)?.Email,
                    mine.Count(s => s.Status == BookingStatus.Completed),
                    mine.Where(s => s.Status is BookingStatus.Confirmed or BookingStatus.Pending && s.Start > now).MinBy(s => s.Start),
                    mine.Take(20).ToList(),
                    notes.Where(n => n.MemberId == id).OrderByDescending(n => n.StartsAt).Select(n => new ClientNoteDto(n.Id, reads.Clock.ToLocal(n.StartsAt), n.Notes!)).ToList(),
                    plan is null ? null : new ClientPlanSummaryDto(plan.PlanId, plan.Name, plan.TargetCalories, plan.TrainingDays, plan.CreatedAt, plan.TrainerUrl));
            })
            .OrderBy(c => c.NextSession is null).ThenBy(c => c.NextSession?.Start).ThenBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}

/// <summary>
/// Trainer photos: uploaded by an admin for any trainer profile here or by the trainer for their own, decoded,
/// cropped square, resized and re-encoded (metadata dropped) by the kernel's <see cref="Photos"/>, and stored in the
/// trainer's row (bytes in the database, so every node serves them; no external CDN).
/// </summary>
internal sealed class TrainerPhotoHandler(BookingReads reads)
{
    /// <summary>The stored side: avatars are shown at up to 160 px, twice that for sharp screens.</summary>
    public const int StoredSide = 320;

    public async Task<string> SaveForPersonAsync(Guid personId, byte[] upload, CancellationToken cancellationToken)
    {
        var jpeg = Photos.ToJpeg(upload, StoredSide, "photo", square: true);
        var trainer = await reads.Db.Set<Trainer>().FirstOrDefaultAsync(t => t.PersonId == personId, cancellationToken)
            ?? throw new NotFoundException("No trainer profile for this person at this gym; save their profile first.");
        trainer.Photo = jpeg;
        trainer.PhotoContentType = Photos.ContentType;
        trainer.PhotoVersion++;
        try
        {
            await reads.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The profile changed while the photo uploaded; try again.", "photo");
        }

        return BookingReads.PhotoUrlOf(trainer.Id, trainer.PhotoContentType, trainer.PhotoVersion)!;
    }

    public async Task RemoveForPersonAsync(Guid personId, CancellationToken cancellationToken)
    {
        var trainer = await reads.Db.Set<Trainer>().FirstOrDefaultAsync(t => t.PersonId == personId, cancellationToken)
            ?? throw new NotFoundException("No trainer profile for this person at this gym.");
        trainer.Photo = null;
        trainer.PhotoContentType = null;
        trainer.PhotoVersion++;
        await reads.Db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The answer of a photo upload: where the new photo is served.</summary>
internal sealed record TrainerPhotoDto(string PhotoUrl);

internal static class TrainerPortalEndpoints
{
    public static void MapTrainerPortal(this RouteGroupBuilder trainer, RouteGroupBuilder trainerWrites, RouteGroupBuilder profileWrites)
    {
        trainer.MapGet("/dashboard", (ClaimsPrincipal me, TrainerPortalHandler handler, CancellationToken ct) => handler.DashboardAsync(me.RequireUserId(), ct))
            .RequireAuthorization(IdentityPermissions.ViewOwnSchedule).WithName("GetTrainerDashboard");
        trainer.MapGet("/clients", (ClaimsPrincipal me, TrainerPortalHandler handler, CancellationToken ct) => handler.ClientsAsync(me.RequireUserId(), ct))
            .RequireAuthorization(IdentityPermissions.ViewOwnSchedule).WithName("ListTrainerClients");
        trainerWrites.MapPut("/photo", async (HttpRequest request, ClaimsPrincipal me, TrainerPhotoHandler handler, CancellationToken ct) =>
                new TrainerPhotoDto(await handler.SaveForPersonAsync(me.RequireUserId(), await Photos.ReadUploadAsync(request, "photo", ct), ct)))
            .RequireAuthorization(BookingsPermissions.ManageOwnAvailability).WithName("UploadOwnTrainerPhoto");
        profileWrites.MapPut("/profiles/{personId:guid}/photo", async (Guid personId, HttpRequest request, TrainerPhotoHandler handler, CancellationToken ct) =>
                new TrainerPhotoDto(await handler.SaveForPersonAsync(personId, await Photos.ReadUploadAsync(request, "photo", ct), ct)))
            .RequireAuthorization(IdentityPermissions.ManageTrainers).WithName("UploadTrainerPhoto");
        profileWrites.MapDelete("/profiles/{personId:guid}/photo", async (Guid personId, TrainerPhotoHandler handler, CancellationToken ct) =>
            {
                await handler.RemoveForPersonAsync(personId, ct);
                return Results.NoContent();
            })
            .RequireAuthorization(IdentityPermissions.ManageTrainers).WithName("RemoveTrainerPhoto");
    }
}
