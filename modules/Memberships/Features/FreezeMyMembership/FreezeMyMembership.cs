using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Memberships.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features.FreezeMyMembership;

/// <summary>Body of <c>POST /api/memberships/mine/freeze</c>.</summary>
internal sealed record FreezeRequest(int? Weeks) : IValidatable
{
    public const int MinWeeks = 1;
    public const int MaxWeeks = 12;

    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(Weeks is null, "weeks", "Say how many weeks to freeze for (1 to 12).");
        errors.AddIf(Weeks is < MinWeeks or > MaxWeeks, "weeks", "A freeze lasts 1 to 12 weeks.");
    }
}

/// <summary>A member freezes an active membership for 1–12 weeks: nothing is charged until it resumes by itself.</summary>
internal sealed class FreezeMyMembershipHandler(
    DerrimutDbContext db,
    IPaymentGateway gateway,
    MembershipReads reads,
    MembershipChanges changes,
    MembershipNotices notices,
    IGymClock clock)
{
    public async Task<MembershipDto> HandleAsync(Guid userId, FreezeRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        changes.RequireLocation();
        var weeks = request.Weeks!.Value;
        var membership = await db.Set<Membership>().FirstOrDefaultAsync(m => m.LiveUserId == userId, cancellationToken)
            ?? throw new NotFoundException("You have no current membership at this gym to freeze.");
        if (membership.Status != MembershipStatus.Active || membership.SubscriptionId is null)
        {
            throw new ConflictException(membership.Status == MembershipStatus.PastDue
                ? "A membership with a payment outstanding cannot be frozen; please update your payment first."
                : "Only an active membership can be frozen.", "weeks");
        }

        if (membership.IsFrozen)
        {
            throw new ConflictException("Your membership is already frozen.", "weeks");
        }

        var resumesAt = clock.UtcNow.AddDays(7 * weeks);
        var snapshot = await gateway.PauseCollectionAsync(
            new PauseCollectionRequest(membership.TenantId, membership.SubscriptionId, resumesAt, $"membership-freeze:{membership.Id:N}:{resumesAt.ToUnixTimeSeconds()}"),
            cancellationToken);

        await db.Entry(membership).ReloadAsync(cancellationToken);
        membership.IsFrozen = snapshot.CollectionPaused;
        membership.FrozenUntil = snapshot.CollectionResumesAt ?? resumesAt;
        changes.Audit(membership, userId, "freeze-requested", $"{weeks} week(s), resumes {membership.FrozenUntil:O}.");
        await db.SaveChangesAsync(cancellationToken);
        var until = MembershipViews.LongDate(membership.FrozenUntil.Value, clock);
        await changes.SendAsync(userId, "Your membership is frozen",
            $"Your membership is frozen for {weeks} week(s). Nothing will be charged while it is frozen, and it resumes by itself on {until}.", cancellationToken);
        notices.Changed(userId, membership.Status);
        await notices.FlushAsync(cancellationToken);
        return await reads.ToDtoAsync(membership, cancellationToken);
    }
}

/// <summary><c>POST /api/memberships/mine/freeze</c>.</summary>
internal static class FreezeMyMembershipEndpoint
{
    public static RouteGroupBuilder MapFreezeMyMembership(this RouteGroupBuilder group)
    {
        group.MapPost("/mine/freeze", (FreezeRequest request, ClaimsPrincipal me, FreezeMyMembershipHandler handler, CancellationToken ct) =>
                GatewayProblems.OkOrProblemAsync(() => handler.HandleAsync(me.RequireUserId(), request, ct)))
            .WithName("FreezeMyMembership");
        return group;
    }
}
