using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Memberships.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features.RefundCharge;

/// <summary>Body of <c>POST /api/memberships/{id}/ledger/{lineId}/refund</c>; no amount refunds what is left.</summary>
internal sealed record RefundChargeRequest(long? AmountCents) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.AddIf(AmountCents is < 1, "amountCents", "Refund at least 1 cent, or leave it out to refund in full.");
}

/// <summary>Staff refund a charge in a member's ledger, in full or in part (GST-inclusive cents), through the gateway.</summary>
internal sealed class RefundChargeHandler(
    DerrimutDbContext db,
    IPaymentGateway gateway,
    MembershipReads reads,
    MembershipChanges changes,
    MembershipNotices notices,
    TimeProvider time)
{
    public async Task<MembershipDto> HandleAsync(Guid membershipId, Guid ledgerLineId, Guid staffUserId, RefundChargeRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        changes.RequireLocation();
        var amountCents = request.AmountCents;
        var membership = await db.Set<Membership>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken)
            ?? throw new NotFoundException("No such membership at this gym.");
        var charge = await db.Set<LedgerEntry>().FirstOrDefaultAsync(e => e.Id == ledgerLineId && e.UserId == membership.UserId, cancellationToken)
            ?? throw new NotFoundException("No such payment for this member.");
        if (charge.Kind != LedgerEntryKind.Charge || charge.InvoiceId is null)
        {
            throw new ValidationException("ledgerLineId", "Only a payment that was taken can be refunded.");
        }

        var refunded = await db.Set<LedgerEntry>().Where(e => e.Kind == LedgerEntryKind.Refund && e.InvoiceId == charge.InvoiceId)
            .Select(e => e.AmountCents).ToListAsync(cancellationToken);
        var left = charge.AmountCents + refunded.Sum();
        if (amountCents is { } asked && (asked < 1 || asked > left))
        {
            throw new ValidationException("amountCents", $"Refund between $0.01 and {Aud.Format(left)}.");
        }

        if (left <= 0)
        {
            throw new ConflictException("This payment has already been refunded in full.", "ledgerLineId");
        }

        var amount = amountCents ?? left;
        var refund = await gateway.RefundAsync(
            new RefundRequest(membership.TenantId, charge.InvoiceId, amount, RefundReason.RequestedByCustomer,
                $"membership-refund:{charge.Id:N}:{left}:{amount}", membership.UserId, charge.Id.ToString()),
            cancellationToken);

        // Record it now under the charge's id so the gateway's charge.refunded event (cumulative) updates this line.
        var reference = refund.ChargeId ?? refund.RefundId;
        var line = await db.Set<LedgerEntry>().FirstOrDefaultAsync(e => e.Kind == LedgerEntryKind.Refund && e.Reference == reference, cancellationToken);
        if (line is null)
        {
            db.Add(new LedgerEntry
            {
                UserId = membership.UserId,
                MembershipId = membership.Id,
                Kind = LedgerEntryKind.Refund,
                OccurredAt = time.GetUtcNow(),
                AmountCents = -(charge.AmountCents - left + amount),
                GstCents = -Gst.ComponentOf(charge.AmountCents - left + amount),
                Description = amount == charge.AmountCents ? "Refund" : "Partial refund",
                Reference = reference,
                InvoiceId = charge.InvoiceId,
                PaymentIntentId = refund.PaymentIntentId,
            });
        }
        else if (-line.AmountCents < charge.AmountCents - left + amount)
        {
            line.AmountCents = -(charge.AmountCents - left + amount);
            line.GstCents = Gst.ComponentOf(line.AmountCents);
        }

        changes.Audit(membership, staffUserId, "refund", $"{Aud.Format(amount)} of {charge.Reference} ({refund.RefundId}).");
        await db.SaveChangesAsync(cancellationToken);
        notices.Changed(membership.UserId, membership.Status);
        await notices.FlushAsync(cancellationToken);
        return await reads.ToDtoAsync(membership, cancellationToken);
    }
}

/// <summary><c>POST /api/memberships/{membershipId}/ledger/{ledgerLineId}/refund</c> (on the group of <c>/{membershipId}</c> routes).</summary>
internal static class RefundChargeEndpoint
{
    public static RouteGroupBuilder MapRefundCharge(this RouteGroupBuilder membership)
    {
        membership.MapPost("/ledger/{ledgerLineId:guid}/refund",
                (Guid membershipId, Guid ledgerLineId, RefundChargeRequest request, ClaimsPrincipal me, RefundChargeHandler handler, CancellationToken ct) =>
                    GatewayProblems.OkOrProblemAsync(() => handler.HandleAsync(membershipId, ledgerLineId, me.RequireUserId(), request, ct)))
            .WithName("RefundMembershipCharge");
        return membership;
    }
}
