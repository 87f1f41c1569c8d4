using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.Bookings.Features.MyBookings;
using Derrimut.Bookings.Seeding;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Admin;

/// <summary>A session type as admins edit it.</summary>
internal sealed record SessionTypeDto(string Code, string Name, int DefaultMinutes, long DefaultPriceCents, bool IsActive);

/// <summary>Body of <c>PUT /api/bookings/session-types/{code}</c>.</summary>
internal sealed record SaveSessionTypeRequest(string? Name, int? DefaultMinutes, long? DefaultPriceCents, bool? IsActive) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name", 80);
        errors.AddIf(DefaultMinutes is null or < 15 or > 240 || DefaultMinutes % 15 != 0, "defaultMinutes", "Use 15 to 240 minutes, in quarter hours.");
        errors.AddIf(DefaultPriceCents is null or < 0 or > 100_000, "defaultPriceCents", "Use a price from $0 to $1,000 (in cents, GST included).");
    }
}

/// <summary>Body of <c>PUT /api/bookings/policy</c>.</summary>
internal sealed record SavePolicyRequest(int? FreeCancellationHours, int? BufferMinutes, int? NoticeMinutes) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(FreeCancellationHours is null or < 0 or > 168, "freeCancellationHours", "Use 0 to 168 hours.");
        errors.AddIf(BufferMinutes is null or < 0 or > 120 || BufferMinutes % 15 != 0, "bufferMinutes", "Use 0 to 120 minutes, in quarter hours.");
        errors.AddIf(NoticeMinutes is null or < 0 or > 10_080, "noticeMinutes", "Use 0 to 10,080 minutes (a week).");
    }
}

/// <summary>One session type a trainer offers, as admins set it.</summary>
internal sealed record TrainerOfferInput(string? SessionType, int? Minutes, long? PriceCents);

/// <summary>Body of <c>PUT /api/trainers/profiles/{personId}</c>: creates or updates the trainer profile of one of this gym's trainers.</summary>
internal sealed record SaveTrainerProfileRequest(string? DisplayName, string? Bio, string? Specialties, string? Qualifications, bool? IsListed, IReadOnlyList<TrainerOfferInput>? Offers) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(DisplayName, "displayName", 120);
        errors.MaxLength(Bio, "bio", 2000);
        errors.MaxLength(Specialties, "specialties", 500);
        errors.MaxLength(Qualifications, "qualifications", 500);
        var offers = Offers ?? [];
        for (var i = 0; i < offers.Count; i++)
        {
            errors.Required(offers[i].SessionType, $"offers[{i}].sessionType", 40);
            errors.AddIf(offers[i].Minutes is null or < 15 or > 240 || offers[i].Minutes % 15 != 0, $"offers[{i}].minutes", "Use 15 to 240 minutes, in quarter hours.");
            errors.AddIf(offers[i].PriceCents is null or < 0 or > 100_000, $"offers[{i}].priceCents", "Use a price from $0 to $1,000 (in cents, GST included).");
        }

        errors.AddIf(offers.Select(o => o.SessionType).Distinct().Count() != offers.Count, "offers", "Offer each session type once.");
    }
}

/// <summary>Admins manage trainer profiles, session types, prices and the policy.</summary>
internal sealed class ManageTrainersHandler(BookingReads reads, ILocationPeople people)
{
    private DerrimutDbContext Db => reads.Db;

    public async Task<IReadOnlyList<SessionTypeDto>> SessionTypesAsync(CancellationToken cancellationToken)
    {
        await BookingsSeeder.EnsureSessionTypesAsync(Db, cancellationToken);
        return await Db.Set<SessionType>().AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new SessionTypeDto(t.Code, t.Name, t.DefaultMinutes, t.DefaultPriceCents, t.IsActive)).ToListAsync(cancellationToken);
    }

    public async Task<SessionTypeDto> SaveSessionTypeAsync(string code, SaveSessionTypeRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        await BookingsSeeder.EnsureSessionTypesAsync(Db, cancellationToken);
        var type = await Db.Set<SessionType>().FirstOrDefaultAsync(t => t.Code == code, cancellationToken)
            ?? throw new NotFoundException("No such session type at this gym.");
        type.Name = request.Name!.Trim();
        type.DefaultMinutes = request.DefaultMinutes!.Value;
        type.DefaultPriceCents = request.DefaultPriceCents!.Value;
        type.IsActive = request.IsActive ?? type.IsActive;
        await Db.SaveChangesAsync(cancellationToken);
        return new SessionTypeDto(type.Code, type.Name, type.DefaultMinutes, type.DefaultPriceCents, type.IsActive);
    }

    public async Task<BookingPolicyDto> PolicyAsync(CancellationToken cancellationToken) => ListMyBookingsHandler.ToDto(await reads.PolicyAsync(cancellationToken));

    public async Task<BookingPolicyDto> SavePolicyAsync(SavePolicyRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var policy = await Db.Set<BookingPolicy>().FirstOrDefaultAsync(cancellationToken);
        if (policy is null)
        {
            policy = new BookingPolicy();
            Db.Add(policy);
        }

        policy.FreeCancellationHours = request.FreeCancellationHours!.Value;
        policy.BufferMinutes = request.BufferMinutes!.Value;
        policy.NoticeMinutes = request.NoticeMinutes!.Value;
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // Two admins saving the first policy at once: the unique (location) index keeps one; this one tries again.
            throw new ConflictException("The policy was just saved by someone else; reload it and save again.");
        }

        return ListMyBookingsHandler.ToDto(policy);
    }

    public async Task<TrainerProfileDto> SaveProfileAsync(Guid personId, SaveTrainerProfileRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var person = await people.FindAsync(personId, cancellationToken);
        if (person is null || !person.Roles.Contains(IdentityRoles.Trainer))
        {
            throw new ValidationException("personId", "Choose one of this gym's trainers (give them the trainer role first).");
        }

        await BookingsSeeder.EnsureSessionTypesAsync(Db, cancellationToken);
        var types = await Db.Set<SessionType>().ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        var offers = request.Offers ?? [];
        for (var i = 0; i < offers.Count; i++)
        {
            if (!types.ContainsKey(offers[i].SessionType!.Trim()))
            {
                throw new ValidationException($"offers[{i}].sessionType", "This gym has no such session type.");
            }
        }

        var trainer = await Db.Set<Trainer>().FirstOrDefaultAsync(t => t.PersonId == personId, cancellationToken);
        if (trainer is null)
        {
            trainer = new Trainer { PersonId = personId };
            Db.Add(trainer);
        }

        trainer.DisplayName = request.DisplayName!.Trim();
        trainer.Bio = Blank(request.Bio);
        trainer.Specialties = Blank(request.Specialties);
        trainer.Qualifications = Blank(request.Qualifications);
        trainer.IsListed = request.IsListed ?? true;
        Db.RemoveRange(await Db.Set<TrainerOffer>().Where(o => o.TrainerId == trainer.Id).ToListAsync(cancellationToken));
        Db.AddRange(offers.Select(o => new TrainerOffer { TrainerId = trainer.Id, SessionTypeId = types[o.SessionType!.Trim()].Id, Minutes = o.Minutes!.Value, PriceCents = o.PriceCents!.Value }));
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            throw new ConflictException("This trainer's profile was just changed by someone else; reload it and save again.");
        }

        var offered = (await reads.OffersAsync([trainer.Id], cancellationToken))[trainer.Id];
        return new TrainerProfileDto(trainer.Id, trainer.DisplayName, trainer.Bio, trainer.Specialties, trainer.Qualifications,
            BookingReads.PhotoUrlOf(trainer.Id, trainer.PhotoContentType, trainer.PhotoVersion), offered.Select(Trainers.ListTrainersHandler.ToDto).ToList());
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Validate(IValidatable request)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
    }
}

internal static class ManageTrainersEndpoints
{
    public static void MapManageTrainers(this RouteGroupBuilder bookings, RouteGroupBuilder bookingWrites, RouteGroupBuilder trainerWrites)
    {
        bookings.MapGet("/session-types", (ManageTrainersHandler handler, CancellationToken ct) => handler.SessionTypesAsync(ct))
            .RequireAuthorization(IdentityPermissions.ManageTrainers).WithName("ListSessionTypes");
        bookingWrites.MapPut("/session-types/{code}", (string code, SaveSessionTypeRequest request, ManageTrainersHandler handler, CancellationToken ct) => handler.SaveSessionTypeAsync(code, request, ct))
            .RequireAuthorization(IdentityPermissions.ManageTrainers).WithName("SaveSessionType");
        bookings.MapGet("/policy", (ManageTrainersHandler handler, CancellationToken ct) => handler.PolicyAsync(ct))
            .RequireAuthorization(IdentityPermissions.ManageTrainers).WithName("GetBookingPolicy");
        bookingWrites.MapPut("/policy", (SavePolicyRequest request, ManageTrainersHandler handler, CancellationToken ct) => handler.SavePolicyAsync(request, ct))
            .RequireAuthorization(IdentityPermissions.ManageTrainers).WithName("SaveBookingPolicy");
        trainerWrites.MapPut("/profiles/{personId:guid}", (Guid personId, SaveTrainerProfileRequest request, ManageTrainersHandler handler, CancellationToken ct) =>
                handler.SaveProfileAsync(personId, request, ct))
            .RequireAuthorization(IdentityPermissions.ManageTrainers).WithName("SaveTrainerProfile");
    }
}
