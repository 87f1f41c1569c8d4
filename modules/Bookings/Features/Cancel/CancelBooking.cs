using System.Security.Claims;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.Bookings.Features.Book;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Cancel;

/// <summary>Body of <c>POST /api/bookings/{id}/cancel</c> (optional).</summary>
internal sealed record CancelBookingRequest(string? Reason) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.MaxLength(Reason, "reason", 500);
}

/// <summary>Who cancels: the policy differs.</summary>
internal enum Canceller
{
    Member,
    Trainer,
    Staff,
}

/// <summary>
/// Cancels a session under the location's policy: the member inside the free window (until N hours before) gets a
/// full refund through the gateway (an included session goes back to the month's allowance); later, it is a late
/// cancellation (no refund; the included session stays used). A trainer or staff cancellation always refunds.
/// The calendar time is released in the same transaction; the change is audited and the member emailed.
/// </summary>
internal sealed class CancelBookingHandler(BookingReads reads, TrainerCalendar calendar, ICurrentTenant tenant, IPaymentGateway gateway, BookingNotices notices)
{
    public async Task<BookingDto> HandleAsync(Guid sessionId, Guid actorId, Canceller who, CancelBookingRequest request, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
        var db = reads.Db;
        var session = await db.Set<PtSession>().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new NotFoundException("No such booking at this gym.");
        if (who == Canceller.Member && session.MemberId != actorId)
        {
            throw new NotFoundException("No such booking at this gym.");
        }

        var now = reads.Clock.UtcNow;
        if (session.Status is not (BookingStatus.Confirmed or BookingStatus.Pending) || session.EndsAt <= now)
        {
            throw new ConflictException("This session can no longer be cancelled.", "status");
        }

        if (session.Status == BookingStatus.Pending && who == Canceller.Member)
        {
            throw new ConflictException("This session is waiting for payment: pay it, or leave the checkout and it is released when it expires.", "status");
        }

        var policy = await reads.PolicyAsync(cancellationToken);
        var late = who == Canceller.Member && now > session.StartsAt - TimeSpan.FromHours(policy.FreeCancellationHours);
        var refund = session.PaymentStatus == BookingPaymentStatus.Paid && !late ? session.PaymentIntentId : null;
        if (refund is not null)
        {
            // Recorded before the gateway is asked, so the gateway's own refund event (which may arrive while we wait)
            // finds the session already refunded and leaves it alone.
            session.PaymentStatus = BookingPaymentStatus.Refunded;
        }
        else if (session.PaymentStatus == BookingPaymentStatus.Pending)
        {
            session.PaymentStatus = BookingPaymentStatus.Unpaid;
        }

        if (session.PaymentStatus == BookingPaymentStatus.IncludedWithMembership && !late)
        {
            session.AllowanceMonth = null;
            session.AllowanceSlot = null;
        }

        session.Status = BookingStatus.Cancelled;
        session.LateCancellation = late;
        session.CancelledAt = now;
        session.CancelledById = actorId;
        session.CancellationReason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        await calendar.ReleaseAsync(session.Id, cancellationToken);
        db.Add(BookSessionHandler.Change(session, actorId, "cancelled", $"By the {who.ToString().ToLowerInvariant()}{(late ? ", late (no refund)" : "")}."));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The booking changed while you cancelled it; reload it and try again.", "status");
        }

        if (refund is not null)
        {
            // One refund per session however often this is retried (the idempotency key).
            IssuedRefund issued;
            try
            {
                issued = await gateway.RefundAsync(new RefundRequest(tenant.Tenant!.Id, refund, null, RefundReason.RequestedByCustomer,
                    $"trainer-booking-refund:{session.Id:N}", session.MemberId, session.Id.ToString()), cancellationToken);
            }
            catch (PaymentGatewayException)
            {
                // The session stays cancelled (its time is free) but shows as paid with a refund due: the late-payment
                // refunds job tries again (same idempotency key, so never twice).
                await db.Entry(session).ReloadAsync(CancellationToken.None);
                session.PaymentStatus = BookingPaymentStatus.Paid;
                session.RefundDue = true;
                db.Add(BookSessionHandler.Change(session, actorId, "refund-failed", "The gateway refused the refund; it is retried automatically."));
                await db.SaveChangesAsync(CancellationToken.None);
                throw;
            }

            await db.Entry(session).ReloadAsync(cancellationToken);
            session.RefundId = issued.RefundId;
            db.Add(BookSessionHandler.Change(session, actorId, "refunded", $"Refund {issued.RefundId}."));
            await db.SaveChangesAsync(cancellationToken);
        }

        await notices.ChangedAsync(session, "cancelled", cancellationToken);
        var trainerName = await db.Set<Trainer>().Where(t => t.Id == session.TrainerId).Select(t => t.DisplayName).FirstAsync(cancellationToken);
        return reads.ToDto(session, trainerName, null, policy);
    }

    /// <summary>Who the caller is to this session: its member, its trainer, staff — or nobody (404, it is not theirs to see).</summary>
    public async Task<Canceller> RoleOfAsync(Guid sessionId, ClaimsPrincipal me, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var userId = me.RequireUserId();
        var session = await reads.Db.Set<PtSession>().AsNoTracking().Where(s => s.Id == sessionId)
            .Select(s => new { s.MemberId, TrainerPerson = reads.Db.Set<Trainer>().Where(t => t.Id == s.TrainerId).Select(t => t.PersonId).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("No such booking at this gym.");
        if ((await authorization.AuthorizeAsync(me, BookingsPermissions.ManageBookings)).Succeeded)
        {
            return session.MemberId == userId ? Canceller.Member : Canceller.Staff;
        }

        if (session.MemberId == userId)
        {
            return Canceller.Member;
        }

        return session.TrainerPerson == userId ? Canceller.Trainer : throw new NotFoundException("No such booking at this gym.");
    }
}

internal static class CancelBookingEndpoint
{
    public static void MapCancelBooking(this RouteGroupBuilder writes) =>
        writes.MapPost("/{id:guid}/cancel", async (Guid id, CancelBookingRequest? request, ClaimsPrincipal me, CancelBookingHandler handler, IAuthorizationService authorization, CancellationToken ct) =>
            {
                var who = await handler.RoleOfAsync(id, me, authorization, ct);
                return await BookingProblems.OkOrProblemAsync(() => handler.HandleAsync(id, me.RequireUserId(), who, request ?? new CancelBookingRequest(null), ct));
            })
            .RequireAuthorization()
            .WithName("CancelBooking");
}
