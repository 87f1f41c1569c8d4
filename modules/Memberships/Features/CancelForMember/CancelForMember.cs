using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Memberships.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features.CancelForMember;

/// <summary>Body of <c>POST /api/memberships/{id}/cancel</c>: now, or (the default) on the member's own terms.</summary>
internal sealed record CancelForMemberRequest(bool? Immediately);

/// <summary>Staff cancel a member's membership: now, or as the member's own cancel would (minimum term, else period end).</summary>
internal sealed class CancelForMemberHandler(
    DerrimutDbContext db,
    IPaymentGateway gateway,
    MembershipReads reads,
    MembershipChanges changes,
    MembershipNotices notices,
    IGymClock clock)
{
    public async Task<MembershipDto> HandleAsync(Guid membershipId, Guid staffUserId, CancelForMemberRequest request, CancellationToken cancellationToken)
    {
        changes.RequireLocation();
        var immediately = request.Immediately ?? false;
        var membership = await db.Set<Membership>().FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken)
            ?? throw new NotFoundException("No such membership at this gym.");
        if (!membership.IsLive)
        {
            throw new ConflictException("This membership has already ended.");
        }

        var now = clock.UtcNow;
        if (membership.SubscriptionId is null)
        {
            membership.End(MembershipStatus.Cancelled, now);
            membership.CancellationRequestedAt = now;
            changes.Audit(membership, staffUserId, "cancelled-by-staff", "Cancelled before the first payment.");
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            var inMinimumTerm = membership.MinimumTermEndsAt is { } termEnds && termEnds > now;
            var cancel = immediately
                ? new CancelSubscriptionRequest(membership.TenantId, membership.SubscriptionId, CancellationTiming.Immediately, null, $"membership-cancel-now:{membership.Id:N}")
                : inMinimumTerm
                    ? new CancelSubscriptionRequest(membership.TenantId, membership.SubscriptionId, CancellationTiming.AtDate, membership.MinimumTermEndsAt, $"membership-cancel:{membership.Id:N}")
                    : new CancelSubscriptionRequest(membership.TenantId, membership.SubscriptionId, CancellationTiming.AtPeriodEnd, null, $"membership-cancel:{membership.Id:N}");
            var snapshot = await gateway.CancelSubscriptionAsync(cancel, cancellationToken);
            await db.Entry(membership).ReloadAsync(cancellationToken);
            membership.CancellationRequestedAt = now;
            if (immediately && membership.IsLive)
            {
                // The gateway's deletion event will say the same; the staff member sees it ended now either way.
                membership.End(MembershipStatus.Cancelled, snapshot.EndedAt ?? now);
            }
            else if (membership.IsLive)
            {
                membership.CancelsAt = snapshot.CancelAtPeriodEnd ? snapshot.CurrentPeriodEnd ?? snapshot.CancelAt : snapshot.CancelAt;
            }

            changes.Audit(membership, staffUserId, immediately ? "cancelled-by-staff" : "cancel-requested-by-staff", immediately ? "Ended now." : $"Ends {membership.CancelsAt:O}.");
            await db.SaveChangesAsync(cancellationToken);
        }

        await changes.SendAsync(membership.UserId, "Your membership has been cancelled",
            membership.IsLive && membership.CancelsAt is { } ends
                ? $"The gym has cancelled your membership. It ends on {MembershipViews.LongDate(ends, clock)}; you can train until then."
                : "The gym has cancelled your membership. Nothing more will be charged.", cancellationToken);
        notices.Changed(membership.UserId, membership.Status);
        await notices.FlushAsync(cancellationToken);
        return await reads.ToDtoAsync(membership, cancellationToken);
    }
}

/// <summary><c>POST /api/memberships/{membershipId}/cancel</c> (on the group of <c>/{membershipId}</c> routes).</summary>
internal static class CancelForMemberEndpoint
{
    public static RouteGroupBuilder MapCancelForMember(this RouteGroupBuilder membership)
    {
        membership.MapPost("/cancel", (Guid membershipId, CancelForMemberRequest request, ClaimsPrincipal me, CancelForMemberHandler handler, CancellationToken ct) =>
                GatewayProblems.OkOrProblemAsync(() => handler.HandleAsync(membershipId, me.RequireUserId(), request, ct)))
            .WithName("CancelMembershipForMember");
        return membership;
    }
}
