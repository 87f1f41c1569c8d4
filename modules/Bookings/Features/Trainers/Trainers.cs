using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Availability;
using Derrimut.Bookings.Domain.Trainers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Trainers;

/// <summary>
/// <c>GET /api/trainers</c> (optionally <c>?sessionType=yoga&amp;day=2026-12-08</c>: only trainers offering it, or with a
/// free slot that day): this location's listed trainers, public like the location site.
/// </summary>
internal sealed class ListTrainersHandler(BookingReads reads)
{
    public async Task<IReadOnlyList<TrainerSummaryDto>> HandleAsync(string? sessionType, DateOnly? day, CancellationToken cancellationToken)
    {
        var trainers = await reads.Db.Set<Trainer>().AsNoTracking().Where(t => t.IsListed).OrderBy(t => t.DisplayName)
            .Select(t => new { t.Id, t.DisplayName, t.Specialties, t.PhotoContentType, t.PhotoVersion })
            .ToListAsync(cancellationToken);
        var offers = await reads.OffersAsync(trainers.Select(t => t.Id).ToList(), cancellationToken);
        var result = new List<TrainerSummaryDto>();
        foreach (var t in trainers)
        {
            var offered = offers[t.Id].Where(o => string.IsNullOrWhiteSpace(sessionType) || o.Code == sessionType.Trim()).ToList();
            if (offered.Count == 0 && (!string.IsNullOrWhiteSpace(sessionType) || day is not null))
            {
                continue;
            }

            if (day is { } date)
            {
                var from = reads.Clock.StartOf(date);
                var search = await reads.SlotSearchAsync(t.Id, from, reads.Clock.StartOf(date.AddDays(1)), offered, cancellationToken);
                if (SlotFinder.Find(search).Count == 0)
                {
                    continue;
                }
            }

            result.Add(new TrainerSummaryDto(t.Id, t.DisplayName, t.Specialties, BookingReads.PhotoUrlOf(t.Id, t.PhotoContentType, t.PhotoVersion),
                offers[t.Id].Select(ToDto).ToList()));
        }

        return result;
    }

    internal static SessionOfferDto ToDto(OfferedSession o) => new(o.Code, o.Name, o.Minutes, o.PriceCents);
}

/// <summary><c>GET /api/trainers/{id}</c>: one trainer's public profile.</summary>
internal sealed class GetTrainerHandler(BookingReads reads)
{
    public async Task<TrainerProfileDto> HandleAsync(Guid trainerId, CancellationToken cancellationToken)
    {
        var t = await reads.ListedTrainerAsync(trainerId, cancellationToken);
        var offers = await reads.OffersAsync([t.Id], cancellationToken);
        return new TrainerProfileDto(t.Id, t.DisplayName, t.Bio, t.Specialties, t.Qualifications,
            BookingReads.PhotoUrlOf(t.Id, t.PhotoContentType, t.PhotoVersion), offers[t.Id].Select(ListTrainersHandler.ToDto).ToList());
    }
}

/// <summary>
/// <c>GET /api/trainers/{id}/slots?from&amp;to&amp;sessionType</c>: bookable slots (availability minus bookings minus the
/// buffer and notice), at most 31 days; defaults to the next 14 days.
/// </summary>
internal sealed class GetSlotsHandler(BookingReads reads)
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public async Task<IReadOnlyList<SlotDto>> HandleAsync(Guid trainerId, DateTimeOffset? from, DateTimeOffset? to, string? sessionType, CancellationToken cancellationToken)
    {
        var start = (from ?? reads.Clock.UtcNow).ToUniversalTime();
        var end = (to ?? start + TimeSpan.FromDays(14)).ToUniversalTime();
        var errors = new ValidationErrors();
        errors.AddIf(end <= start, "to", "The end of the range must be after its start.");
        errors.AddIf(end - start > MaxRange, "to", "Ask for at most 31 days of slots at a time.");
        errors.ThrowIfAny();
        await reads.ListedTrainerAsync(trainerId, cancellationToken);
        var offers = (await reads.OffersAsync([trainerId], cancellationToken))[trainerId]
            .Where(o => string.IsNullOrWhiteSpace(sessionType) || o.Code == sessionType.Trim()).ToList();
        if (!string.IsNullOrWhiteSpace(sessionType) && offers.Count == 0)
        {
            throw new ValidationException("sessionType", "This trainer does not offer that session type.");
        }

        var search = await reads.SlotSearchAsync(trainerId, start, end, offers, cancellationToken);
        return SlotFinder.Find(search).OrderBy(s => s.Start).ThenBy(s => s.Session.Name)
            .Select(s => new SlotDto(s.Start, s.End, s.Session.Code, s.Session.Name, s.Session.PriceCents)).ToList();
    }
}

/// <summary>The public trainer endpoints.</summary>
internal static class TrainerEndpoints
{
    public static void MapTrainers(this RouteGroupBuilder trainers)
    {
        trainers.MapGet("/", (string? sessionType, DateOnly? day, ListTrainersHandler handler, CancellationToken ct) => handler.HandleAsync(sessionType, day, ct))
            .AllowAnonymous().WithName("ListTrainers");
        trainers.MapGet("/{id:guid}", (Guid id, GetTrainerHandler handler, CancellationToken ct) => handler.HandleAsync(id, ct))
            .AllowAnonymous().WithName("GetTrainer");
        trainers.MapGet("/{id:guid}/slots", (Guid id, DateTimeOffset? from, DateTimeOffset? to, string? sessionType, GetSlotsHandler handler, CancellationToken ct) =>
                handler.HandleAsync(id, from, to, sessionType, ct))
            .AllowAnonymous().WithName("GetTrainerSlots");
        trainers.MapGet("/{id:guid}/photo", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, DerrimutDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var photo = await db.Set<Trainer>().AsNoTracking().Where(t => t.Id == id && t.IsListed && t.Photo != null)
                    .Select(t => new { t.Photo, t.PhotoContentType }).FirstOrDefaultAsync(ct);
                if (photo is null)
                {
                    return TypedResults.NotFound();
                }

                // The URL carries the photo's version, so it may be cached for long.
                http.Response.Headers.CacheControl = "public, max-age=86400";
                return TypedResults.File(photo.Photo!, photo.PhotoContentType ?? "image/jpeg");
            })
            .AllowAnonymous().WithName("GetTrainerPhoto");
    }
}
