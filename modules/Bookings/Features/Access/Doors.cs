using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Access;
using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Access;

/// <summary>Body of <c>POST /api/access/decisions</c>.</summary>
/// <param name="DoorId">The door asking.</param>
/// <param name="Code">The member's QR payload as scanned.</param>
/// <param name="CardNumber">Or the member card number the reader read (assigned at this gym).</param>
internal sealed record DoorDecisionRequest(Guid DoorId, string? Code, string? CardNumber = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(DoorId == Guid.Empty, "doorId", "Name the door.");
        if (string.IsNullOrWhiteSpace(CardNumber))
        {
            errors.Required(Code, "code", 1000);
        }
        else
        {
            errors.AddIf(!string.IsNullOrWhiteSpace(Code), "cardNumber", "Send the QR code or the card number, not both.");
            errors.MaxLength(CardNumber, "cardNumber", MemberCards.MaxLength);
        }
    }
}

/// <summary>Body of <c>POST /api/access/doors</c>.</summary>
/// <param name="Name">e.g. "Front door".</param>
/// <param name="OpensAt">HH:mm, gym time; empty with closesAt for 24/7.</param>
/// <param name="ClosesAt">HH:mm, gym time.</param>
/// <param name="AntiPassback">Refuse a second entry by the same member within a minute.</param>
internal sealed record CreateDoorRequest(string? Name, string? OpensAt, string? ClosesAt, bool AntiPassback) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name", 80);
        if (!string.IsNullOrWhiteSpace(OpensAt))
        {
            ClassFields.Time(OpensAt, "opensAt", errors);
        }

        if (!string.IsNullOrWhiteSpace(ClosesAt))
        {
            ClassFields.Time(ClosesAt, "closesAt", errors);
        }
    }
}

/// <summary>
/// Door decisions for access-control hardware: decided from the entitlement contract as of the swipe (so a
/// cancellation or a failed payment applies on the next swipe, with no sync), within the door's hours, every decision
/// logged, and an allowed entry recorded as a visit.
/// </summary>
internal sealed class DoorDecisions(DerrimutDbContext db, IGymClock clock, CheckInDesk desk)
{
    /// <summary>A second entry by the same member within this time is a pass-back (on doors that refuse them).</summary>
    public static readonly TimeSpan PassbackWindow = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<DoorDto>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<Door>().AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.Name)
            .Select(d => new DoorDto(d.Id, d.Name, d.OpensAt, d.ClosesAt, d.AntiPassback)).ToListAsync(cancellationToken);

    public async Task<DoorDto> CreateAsync(CreateDoorRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var errors = new ValidationErrors();
        var door = new Door
        {
            Name = request.Name!.Trim(), AntiPassback = request.AntiPassback,
            OpensAt = string.IsNullOrWhiteSpace(request.OpensAt) ? null : ClassFields.Time(request.OpensAt, "opensAt", errors),
            ClosesAt = string.IsNullOrWhiteSpace(request.ClosesAt) ? null : ClassFields.Time(request.ClosesAt, "closesAt", errors),
        };
        if (await db.Set<Door>().AnyAsync(d => d.Name == door.Name, cancellationToken))
        {
            throw new ConflictException("This gym already has a door of that name.", "name");
        }

        db.Add(door);
        await db.SaveChangesAsync(cancellationToken);
        return new DoorDto(door.Id, door.Name, door.OpensAt, door.ClosesAt, door.AntiPassback);
    }

    public async Task<DoorDecisionDto> DecideAsync(DoorDecisionRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        // Another gym's door is not found here (tenant filter): a controller can only ask about its own gym's doors.
        // A swiped card's holder is read in the same statement (one round trip fewer on every card swipe); a card
        // names a member of this gym only, by the same tenant filter. The set is a local: no method call in the tree.
        var cardNumber = string.IsNullOrWhiteSpace(request.Code) && !string.IsNullOrWhiteSpace(request.CardNumber)
            ? MemberCards.Normalise(request.CardNumber)
            : null;
        var cards = db.Set<MemberCard>();
        var found = await db.Set<Door>().AsNoTracking()
            .Where(d => d.Id == request.DoorId && d.IsActive)
            .Select(d => new
            {
                Door = d,
                Holder = cards.Where(c => cardNumber != null && c.CardNumber == cardNumber).Select(c => (Guid?)c.PersonId).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException("doorId", "No such door at this gym.");
        var door = found.Door;
        var now = clock.UtcNow;

        var (personId, refusal) = cardNumber is null
            ? await desk.IdentifyAsync(request.Code, request.CardNumber, null, cancellationToken)
            : found.Holder is { } holder ? (holder, null) : ((Guid?)null, CheckInDesk.CardNotRecognised);
        if (personId is null)
        {
            return await LogAsync(door, null, false, refusal!, null);
        }

        var (entitlement, name, _) = await desk.DecideAsync(personId.Value, cancellationToken);
        if (!entitlement.IsEntitled)
        {
            return await LogAsync(door, personId, false, entitlement.Reason, name);
        }

        if (!door.IsOpenAt(TimeOnly.FromDateTime(clock.ToLocal(now).DateTime)))
        {
            return await LogAsync(door, personId, false, $"{door.Name} is closed at this hour.", name);
        }

        if (door.AntiPassback && await db.Set<DoorDecision>().AnyAsync(
                d => d.DoorId == door.Id && d.PersonId == personId && d.Allowed && d.DecidedAt > now - PassbackWindow, cancellationToken))
        {
            return await LogAsync(door, personId, false, "Already entered: one entry per swipe.", name);
        }

        // The decision's log line and the visit are saved together (one round trip): a door answers on every swipe.
        // Once decided it is logged even if the controller hangs up meanwhile (no cancellation of the write).
        db.Add(new DoorDecision { DoorId = door.Id, PersonId = personId, Allowed = true, Reason = entitlement.Reason, DecidedAt = now });
        await desk.RecordAsync(personId.Value, entitlement, door.Id, door.Name, null, CancellationToken.None);
        return new DoorDecisionDto(true, entitlement.Reason, name);
    }

    private async Task<DoorDecisionDto> LogAsync(Door door, Guid? personId, bool allowed, string reason, string? name)
    {
        // Every decision is logged, also when the controller hung up before the answer: the write is not cancelled.
        db.Add(new DoorDecision { DoorId = door.Id, PersonId = personId, Allowed = allowed, Reason = reason, DecidedAt = clock.UtcNow });
        await db.SaveChangesAsync(CancellationToken.None);
        return new DoorDecisionDto(allowed, reason, name);
    }
}

/// <summary><c>/api/access</c>: the location's doors and the decisions door controllers ask for.</summary>
internal static class AccessEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var access = api.MapGroup("/access").RequireLocation().WithTags("Access: doors");
        // Door clients hold access:doors; admins hold every permission of their gym, so they see the doors too.
        access.MapGet("/doors", (DoorDecisions doors, CancellationToken ct) => doors.ListAsync(ct))
            .RequireAuthorization(ClassesPermissions.AccessDoors).WithName("ListDoors");
        access.MapPost("/doors", async Task<Created<DoorDto>> (CreateDoorRequest request, DoorDecisions doors, CancellationToken ct) =>
            {
                var created = await doors.CreateAsync(request, ct);
                return TypedResults.Created($"/api/access/doors/{created.Id}", created);
            })
            .RequireAuthorization(ClassesPermissions.ManageClasses).RequireRateLimiting(RateLimitPolicies.Writes).WithName("CreateDoor");
        access.MapPost("/decisions", async (DoorDecisionRequest request, DoorDecisions doors, CancellationToken ct) =>
                TypedResults.Ok(await doors.DecideAsync(request, ct)))
            .RequireAuthorization(ClassesPermissions.AccessDoors).WithName("DecideDoor");
    }

    /// <summary>
    /// The door benchmark's baseline (etc/bench/doors.sh): the same decision — door read, credential, the entitlement
    /// read as of now, name, the logged decision and the visit — in a scope of the location named by id, without the
    /// request pipeline in front of it (no host parsing, no token validation, no permission check, no endpoint
    /// filters). Mapped only when <c>Benchmarks:BareEndpoints</c> is true.
    /// </summary>
    public static void MapBareBaseline(IEndpointRouteBuilder app) =>
        app.MapPost("/bench/bare/access/decisions/{locationId:guid}", async (Guid locationId, DoorDecisionRequest request, ITenantScopeFactory scopes, CancellationToken ct) =>
                TypedResults.Ok(await scopes.RunAsync(locationId, (sp, token) => sp.GetRequiredService<DoorDecisions>().DecideAsync(request, token), ct)))
            .SkipTenantResolution()
            .ExcludeFromDescription();
}
