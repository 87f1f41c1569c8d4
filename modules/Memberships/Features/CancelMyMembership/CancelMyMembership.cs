using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Memberships.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features.CancelMyMembership;

/// <summary>
/// A member cancels their own membership: before the first payment it simply ends; otherwise at the end of the
/// minimum term if it is still running, else at the end of the period paid for.
/// </summary>
internal sealed class CancelMyMembershipHandler(
    DerrimutDbContext db,
    IPaymentGateway gateway,
    MembershipReads reads,
    MembershipChanges changes,
    MembershipNotices notices,
    IGymClock clock)
{
    public async Task<MembershipCancelled> HandleAsync(Guid userId, CancellationToken cancellationToken)
    {
        changes.RequireLocation();
        var membership = await db.Set<Membership>().FirstOrDefaultAsync(m => m.LiveUserId == userId, cancellationToken)
            ?? throw new NotFoundException("You have no current membership at this gym to cancel.");
        var now = clock.UtcNow;

        if (membership.Status == MembershipStatus.Pending || membership.SubscriptionId is null)
        {
            // Not paid for yet: cancelling abandons the checkout.
            membership.End(MembershipStatus.Cancelled, now);
            membership.CancellationRequestedAt = now;
            changes.Audit(membership, userId, "cancelled", "Cancelled before the first payment.");
            await db.SaveChangesAsync(cancellationToken);
            notices.Changed(userId, membership.Status);
            await notices.FlushAsync(cancellationToken);
            return new MembershipCancelled(await reads.ToDtoAsync(membership, cancellationToken), now, "Your membership was cancelled before it started. Nothing was charged.");
        }

        if (membership.CancelsAt is { } already && membership.CancellationRequestedAt is not null)
        {
            return new MembershipCancelled(await reads.ToDtoAsync(membership, cancellationToken), already,
                $"Your membership is already set to end on {MembershipViews.LongDate(already, clock)}.");
        }

        var inMinimumTerm = membership.MinimumTermEndsAt is { } termEnds && termEnds > now;
        var request = inMinimumTerm
            ? new CancelSubscriptionRequest(membership.TenantId, membership.SubscriptionId, CancellationTiming.AtDate, membership.MinimumTermEndsAt, $"membership-cancel:{membership.Id:N}")
            : new CancelSubscriptionRequest(membership.TenantId, membership.SubscriptionId, CancellationTiming.AtPeriodEnd, null, $"membership-cancel:{membership.Id:N}");
        var snapshot = await gateway.CancelSubscriptionAsync(request, cancellationToken);

        // The gateway may already have reported the change by webhook (the simulated one does, synchronously), so
        // work on the row as it is now.
        await db.Entry(membership).ReloadAsync(cancellationToken);
        var effective = snapshot.CancelAtPeriodEnd ? snapshot.CurrentPeriodEnd ?? snapshot.CancelAt : snapshot.CancelAt ?? snapshot.EndedAt;
        membership.CancellationRequestedAt = now;
        if (membership.IsLive)
        {
            membership.CancelsAt = effective;
        }

        var message = inMinimumTerm
            ? $"Your minimum term runs until {MembershipViews.LongDate(membership.MinimumTermEndsAt!.Value, clock)}, so your cancellation is scheduled for that day. You can keep training until then."
            : $"Your membership ends on {MembershipViews.LongDate(effective ?? now, clock)}, at the end of the period you have paid for. You can keep training until then.";
        changes.Audit(membership, userId, "cancel-requested", inMinimumTerm ? $"Scheduled for the end of the minimum term ({effective:O})." : $"At period end ({effective:O}).");
        await db.SaveChangesAsync(cancellationToken);
        await changes.SendAsync(userId, "Your membership cancellation is confirmed", $"{message}\n\nIf you did not ask for this, contact the gym straight away.", cancellationToken);
        notices.Changed(userId, membership.Status);
        await notices.FlushAsync(cancellationToken);
        return new MembershipCancelled(await reads.ToDtoAsync(membership, cancellationToken), effective, message);
    }
}

/// <summary><c>POST /api/memberships/mine/cancel</c>.</summary>
internal static class CancelMyMembershipEndpoint
{
    public static RouteGroupBuilder MapCancelMyMembership(this RouteGroupBuilder group)
    {
        group.MapPost("/mine/cancel", (ClaimsPrincipal me, CancelMyMembershipHandler handler, CancellationToken ct) =>
                GatewayProblems.OkOrProblemAsync(() => handler.HandleAsync(me.RequireUserId(), ct)))
            .WithName("CancelMyMembership");
        return group;
    }
}
