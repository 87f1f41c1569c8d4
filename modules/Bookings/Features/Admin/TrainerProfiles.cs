using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Admin;

/// <summary>One of this gym's trainers as the admin page lists them: the person and their profile here, if saved.</summary>
/// <param name="PersonId">The person holding the trainer role here.</param>
/// <param name="PersonName">Their account name.</param>
/// <param name="Email">Their sign-in email.</param>
/// <param name="Profile">Their public trainer profile, or null until an admin saves one.</param>
/// <param name="IsListed">Whether members see them.</param>
internal sealed record TrainerProfileRowDto(Guid PersonId, string PersonName, string Email, TrainerProfileDto? Profile, bool IsListed);

/// <summary><c>GET /api/trainers/profiles</c>: every person with the trainer role here and their profile (admins).</summary>
internal sealed class TrainerProfilesHandler(BookingReads reads, IStaffDirectory staff)
{
    public async Task<IReadOnlyList<TrainerProfileRowDto>> ListAsync(CancellationToken cancellationToken)
    {
        var trainers = (await staff.ListAsync(cancellationToken)).Where(p => p.Roles.Contains(IdentityRoles.Trainer)).ToList();
        var personIds = trainers.Select(t => t.UserId).ToList();
        var profiles = await reads.Db.Set<Trainer>().AsNoTracking().Where(t => personIds.Contains(t.PersonId))
            .Select(t => new { t.Id, t.PersonId, t.DisplayName, t.Bio, t.Specialties, t.Qualifications, t.PhotoContentType, t.PhotoVersion, t.IsListed })
            .ToListAsync(cancellationToken);
        var offers = await reads.OffersAsync(profiles.Select(p => p.Id).ToList(), cancellationToken);
        return trainers.Select(person =>
            {
                var t = profiles.FirstOrDefault(p => p.PersonId == person.UserId);
                var profile = t is null ? null : new TrainerProfileDto(t.Id, t.DisplayName, t.Bio, t.Specialties, t.Qualifications,
                    BookingReads.PhotoUrlOf(t.Id, t.PhotoContentType, t.PhotoVersion), offers[t.Id].Select(Trainers.ListTrainersHandler.ToDto).ToList());
                return new TrainerProfileRowDto(person.UserId, person.DisplayName, person.Email, profile, t?.IsListed ?? false);
            })
            .ToList();
    }
}

internal static class TrainerProfilesEndpoints
{
    public static void MapTrainerProfiles(this RouteGroupBuilder trainers) =>
        trainers.MapGet("/profiles", (TrainerProfilesHandler handler, CancellationToken ct) => handler.ListAsync(ct))
            .RequireAuthorization(IdentityPermissions.ManageTrainers).WithName("ListTrainerProfiles");
}
