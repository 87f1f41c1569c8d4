using System.Security.Claims;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Access;
using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Access;

/// <summary>Body of <c>POST /api/check-ins</c>: a scanned code, or a member chosen by name at the desk.</summary>
/// <param name="Code">The member's QR payload.</param>
/// <param name="MemberId">A member found by name search (instead of a code).</param>
/// <param name="CardNumber">A member card number assigned at this gym (instead of a code).</param>
internal sealed record CheckInRequest(string? Code, Guid? MemberId, string? CardNumber = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(string.IsNullOrWhiteSpace(Code) && MemberId is null && string.IsNullOrWhiteSpace(CardNumber), "code", "Scan the member's code or card, or choose the member.");
        errors.MaxLength(Code, "code", 1000);
        errors.MaxLength(CardNumber, "cardNumber", MemberCards.MaxLength);
    }
}

/// <summary>
/// Letting members in: the front desk (a code or a name) and doors share this. The decision is the entitlement
/// contract's, as of now; a visit is recorded at this gym (the visited one) with the member's home gym, and the
/// member's classes about to start here are marked attended.
/// </summary>
internal sealed class CheckInDesk(
    DerrimutDbContext db, ICurrentTenant tenant, IGymClock clock, CheckInCodes codes, IMembershipEntitlements entitlements,
    IPeopleReadModel people, ITenantCatalog catalog, ClassRosters rosters, ILiveUpdates live, MemberCards cards)
{
    /// <summary>Why a swiped card opens nothing: its number is not assigned at this gym.</summary>
    public const string CardNotRecognised = "Card not recognised at this gym.";

    public CheckInCodeDto CodeFor(Guid personId) => codes.Issue(personId, tenant.Tenant!.FranchiseId);

    public async Task<CheckInResultDto> CheckInAsync(CheckInRequest request, Guid staffId, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var (personId, refusal) = await IdentifyAsync(request.Code, request.CardNumber, request.MemberId, cancellationToken);
        if (personId is null)
        {
            return new CheckInResultDto(false, refusal!, null, null, "invalid_code", null, null);
        }

        var (entitlement, name, photo) = await DecideAsync(personId.Value, cancellationToken);
        if (!entitlement.IsEntitled)
        {
            return new CheckInResultDto(false, entitlement.Reason, personId, name, Wire(entitlement.Refusal), await HomeNameAsync(entitlement, cancellationToken), null, photo);
        }

        var visit = await RecordAsync(personId.Value, entitlement, null, "Front desk", staffId, cancellationToken);
        return new CheckInResultDto(true, entitlement.Reason, personId, name, Wire(entitlement.Refusal), await HomeNameAsync(entitlement, cancellationToken), visit.Id, photo);
    }

    /// <summary>The person a code, a member card number (or a chosen member id) names, or why not.</summary>
    public async Task<(Guid? PersonId, string? Refusal)> IdentifyAsync(string? code, string? cardNumber, Guid? memberId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) && !string.IsNullOrWhiteSpace(cardNumber))
        {
            // A card is this gym's own hardware: its number names a member of this gym only (tenant filter).
            return await cards.HolderAsync(cardNumber, cancellationToken) is { } holder ? (holder, null) : (null, CardNotRecognised);
        }

        if (!string.IsNullOrWhiteSpace(code))
        {
            var read = codes.Read(code);
            if (read is null)
            {
                return (null, "Code not recognised or expired: ask the member to refresh it.");
            }

            // A code of another franchise names no one here (its members are not ours to look up).
            return read.Value.FranchiseId == tenant.Tenant!.FranchiseId ? (read.Value.PersonId, null) : (null, "Code of another franchise.");
        }

        return (memberId, null);
    }

    public async Task<(MembershipEntitlement Entitlement, string? Name, string? PhotoUrl)> DecideAsync(Guid personId, CancellationToken cancellationToken)
    {
        var entitlement = await entitlements.GetAsync(personId, tenant.Tenant!.Id, clock.UtcNow, cancellationToken);
        // Only a person with a membership in this franchise is named: a stranger's id reveals nothing.
        var person = entitlement.MembershipId is null
            ? null
            : await people.People.Where(p => p.UserId == personId).Select(p => new { p.DisplayName, p.PhotoUrl }).FirstOrDefaultAsync(cancellationToken);
        return (entitlement, person?.DisplayName, person?.PhotoUrl);
    }

    public async Task<CheckIn> RecordAsync(Guid personId, MembershipEntitlement entitlement, Guid? doorId, string place, Guid? staffId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var visit = new CheckIn { PersonId = personId, HomeLocationId = entitlement.HomeLocationId ?? tenant.Tenant!.Id, At = now, DoorId = doorId, Place = place, RecordedBy = staffId };
        db.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        BookingsMetrics.Add(BookingsMetrics.CheckIns, tenant.Tenant!.Id);
        await rosters.MarkAttendanceAsync(personId, now, cancellationToken);
        await live.PublishAsync(new LiveUpdate(tenant.Tenant!.Id, ClassTopics.CheckIns, personId, visit.Id.ToString()), cancellationToken);
        return visit;
    }

    private async Task<string?> HomeNameAsync(MembershipEntitlement entitlement, CancellationToken cancellationToken) =>
        entitlement.HomeLocationId is { } home && home != tenant.Tenant!.Id ? (await catalog.FindByIdAsync(home, cancellationToken))?.Name : null;

    public static string Wire(EntitlementRefusal refusal) => refusal switch
    {
        EntitlementRefusal.None => "none",
        EntitlementRefusal.NoMembership => "no_membership",
        EntitlementRefusal.Pending => "pending",
        EntitlementRefusal.Frozen => "frozen",
        EntitlementRefusal.PastDue => "past_due",
        EntitlementRefusal.Cancelled => "cancelled",
        EntitlementRefusal.Expired => "expired",
        EntitlementRefusal.HomeGymOnly => "home_gym_only",
        _ => "refused",
    };
}

/// <summary><c>GET /api/check-in/code</c> (the member's QR payload) and <c>POST /api/check-ins</c> (the front desk).</summary>
internal static class CheckInEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/check-in/code", (ClaimsPrincipal user, CheckInDesk desk) => TypedResults.Ok(desk.CodeFor(user.RequireUserId())))
            .RequireLocation().RequireAuthorization().WithTags("Check-in").WithName("GetMyCheckInCode");
        api.MapPost("/check-ins", async (CheckInRequest request, ClaimsPrincipal user, CheckInDesk desk, CancellationToken ct) =>
                TypedResults.Ok(await desk.CheckInAsync(request, user.RequireUserId(), ct)))
            .RequireLocation().RequireAuthorization(ClassesPermissions.CheckInMembers).WithTags("Check-in").WithName("CheckInMember");
    }
}
