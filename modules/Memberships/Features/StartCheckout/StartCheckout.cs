using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features.StartCheckout;

/// <summary>Body of <c>POST /api/memberships/checkout</c>.</summary>
internal sealed record StartCheckoutRequest(string? PlanCode) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(PlanCode, "planCode", 50);
}

/// <summary>
/// A member starts joining: a pending membership, then the gateway's checkout for the plan. The database refuses a
/// second live membership of the same person at the gym (409), however many requests race.
/// </summary>
internal sealed class StartCheckoutHandler(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    IPaymentGateway gateway,
    IPeopleReadModel people,
    MembershipChanges changes,
    MembershipNotices notices,
    TimeProvider time,
    ISiteAddresses sites)
{
    /// <summary>A pending membership whose checkout never got a URL (the gateway call died) is abandoned after this.</summary>
    private static readonly TimeSpan AbandonedCheckoutAfter = TimeSpan.FromMinutes(15);

    /// <param name="userId">The member.</param>
    /// <param name="request">The plan.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<MembershipCheckoutStarted> HandleAsync(Guid userId, StartCheckoutRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        changes.RequireLocation();
        var planCode = request.PlanCode!.Trim();
        var plan = await db.Set<Plan>().AsNoTracking().FirstOrDefaultAsync(p => p.Code == planCode && p.IsActive, cancellationToken)
            ?? throw new ValidationException("planCode", $"This gym has no plan '{planCode}' on sale.");
        var now = time.GetUtcNow();

        if (await db.Set<Membership>().FirstOrDefaultAsync(m => m.LiveUserId == userId, cancellationToken) is { } live)
        {
            var abandoned = live.Status == MembershipStatus.Pending
                && (live.CheckoutExpiresAt is { } expires ? expires <= now : live.CreatedAt + AbandonedCheckoutAfter <= now);
            if (!abandoned)
            {
                throw new ConflictException(live.Status == MembershipStatus.Pending
                    ? "You have already started joining this gym. Finish that payment, or wait for it to lapse, before choosing another plan."
                    : "You already have a membership at this gym.", "planCode");
            }

            live.End(MembershipStatus.Expired, now);
            changes.Audit(live, null, "checkout-abandoned", "The checkout lapsed without payment.");
            await db.SaveChangesAsync(cancellationToken);
        }

        var membership = new Membership { UserId = userId, LiveUserId = userId, PlanId = plan.Id, PlanCode = plan.Code };
        db.Add(membership);
        changes.Audit(membership, userId, "checkout-started", $"Plan {plan.Code}.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // The unique (tenant, live member) index: a concurrent request got there first.
            throw new ConflictException("You already have a membership at this gym, or are joining it right now.", "planCode");
        }

        var email = await people.People.Where(p => p.UserId == userId).Select(p => p.Email).FirstOrDefaultAsync(cancellationToken);
        // The gateway's return links: this location's site as configured, never the request's host.
        var site = sites.ForCurrentSite("/").ToString().TrimEnd('/');
        StartedCheckout started;
        try
        {
            started = await gateway.CreateSubscriptionCheckoutAsync(
                new SubscriptionCheckoutRequest(
                    tenant.Tenant!.Id, userId, plan.ToCheckoutPlan(), CheckoutPurposes.Membership,
                    // One key per membership attempt: a retry of this call returns the same session, never a second.
                    IdempotencyKey: $"membership-checkout:{membership.Id:N}",
                    SuccessUrl: $"{site}/member/membership/welcome?session={{CHECKOUT_SESSION_ID}}",
                    CancelUrl: $"{site}/member/membership/join/{Uri.EscapeDataString(plan.Code)}?cancelled=true",
                    CustomerEmail: string.IsNullOrEmpty(email) ? null : email),
                cancellationToken);
        }
        catch (Exception ex) when (ex is PaymentGatewayException or OperationCanceledException)
        {
            // Nothing was sold: free the member to try again rather than leave a pending row behind.
            db.Remove(membership);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }

        membership.CheckoutSessionId = started.CheckoutId;
        membership.CheckoutUrl = started.Url;
        membership.CheckoutExpiresAt = started.ExpiresAt;
        await db.SaveChangesAsync(cancellationToken);
        notices.Changed(userId, membership.Status);
        await notices.FlushAsync(cancellationToken);
        return new MembershipCheckoutStarted(started.Url, membership.Id);
    }
}

/// <summary><c>POST /api/memberships/checkout</c>.</summary>
internal static class StartCheckoutEndpoint
{
    public static RouteGroupBuilder MapStartCheckout(this RouteGroupBuilder group)
    {
        group.MapPost("/checkout", (StartCheckoutRequest request, ClaimsPrincipal me, StartCheckoutHandler handler, CancellationToken ct) =>
                GatewayProblems.OkOrProblemAsync(() => handler.HandleAsync(me.RequireUserId(), request, ct)))
            .WithName("StartMembershipCheckout");
        return group;
    }
}
