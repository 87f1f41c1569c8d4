using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Features;
using Derrimut.Bookings.Features.Book;
using Microsoft.Extensions.Logging;

namespace Derrimut.Bookings.BillingEvents;

/// <summary>
/// Applies Billing's events to trainer bookings (purpose <see cref="CheckoutPurposes.TrainerBooking"/>, reference = the
/// session id), inside the webhook's tenant scope and transaction: a completed checkout confirms the held session as
/// paid; an expired or declined checkout cancels it and releases its time; a refund marks it refunded. Idempotent:
/// a session only moves forward from pending, so a repeated or late event changes nothing.
/// </summary>
internal sealed class BookingBillingHandlers(
    DerrimutDbContext db,
    TrainerCalendar calendar,
    BookingNotices notices,
    TimeProvider time,
    ILogger<BookingBillingHandlers> logger)
    : IIntegrationEventHandler<CheckoutCompleted>,
      IIntegrationEventHandler<PaymentFailed>,
      IIntegrationEventHandler<RefundIssued>
{
    public async Task HandleAsync(CheckoutCompleted billingEvent, CancellationToken cancellationToken)
    {
        if (billingEvent.Purpose != CheckoutPurposes.TrainerBooking || billingEvent.PaymentStatus == CheckoutPaymentStatus.Unpaid)
        {
            return;
        }

        var session = await FindAsync(billingEvent.Reference, billingEvent.CheckoutSessionId, cancellationToken);
        if (session is null)
        {
            logger.LogWarning("Checkout {Checkout} completed for no known trainer booking {Reference}", billingEvent.CheckoutSessionId, billingEvent.Reference);
            return;
        }

        session.PaymentIntentId ??= billingEvent.PaymentIntentId;
        if (session.Status == BookingStatus.Cancelled && session.PaymentStatus is BookingPaymentStatus.Unpaid or BookingPaymentStatus.Pending)
        {
            // Paid after the hold was released (the member paid a checkout the gym had already given up on, or staff
            // cancelled it meanwhile): the slot may be someone else's now, so the money goes back. The session is marked
            // paid-and-cancelled here, inside Billing's webhook transaction; the refund itself is a gateway call, made
            // after this commits by LatePaymentRefundsJob (one refund per session: its idempotency key).
            logger.LogWarning("Checkout {Checkout} paid for booking {Session} after its hold was released; refunding it", billingEvent.CheckoutSessionId, session.Id);
            session.PaymentStatus = BookingPaymentStatus.Paid;
            session.RefundDue = true;
            db.Add(BookSessionHandler.Change(session, null, "paid-after-release", $"Checkout {billingEvent.CheckoutSessionId}; refund due."));
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        if (session.Status != BookingStatus.Pending)
        {
            // A repeated delivery of the completion that already confirmed it: nothing moves.
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        session.Status = BookingStatus.Confirmed;
        session.PaymentStatus = BookingPaymentStatus.Paid;
        db.Add(BookSessionHandler.Change(session, null, "paid", $"Checkout {billingEvent.CheckoutSessionId}."));
        await db.SaveChangesAsync(cancellationToken);
        await notices.ChangedAsync(session, "booked", cancellationToken);
    }

    public async Task HandleAsync(PaymentFailed billingEvent, CancellationToken cancellationToken)
    {
        if (billingEvent.Purpose != CheckoutPurposes.TrainerBooking
            || billingEvent.Stage is not (PaymentFailureStage.CheckoutExpired or PaymentFailureStage.CheckoutAsyncPayment))
        {
            return;
        }

        var session = await FindAsync(billingEvent.Reference, billingEvent.CheckoutSessionId, cancellationToken);
        if (session is null || session.Status != BookingStatus.Pending)
        {
            return;
        }

        var reason = billingEvent.Stage == PaymentFailureStage.CheckoutExpired
            ? "The checkout expired or the payment was declined."
            : "The payment failed.";
        await BookSessionHandler.ReleaseUnpaidHoldAsync(db, calendar, session, time.GetUtcNow(), "checkout-expired", reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await notices.ChangedAsync(session, "released", cancellationToken);
    }

    public async Task HandleAsync(RefundIssued billingEvent, CancellationToken cancellationToken)
    {
        if (billingEvent.Purpose is not (null or CheckoutPurposes.TrainerBooking))
        {
            return;
        }

        var session = Guid.TryParse(billingEvent.Reference, out var id)
            ? await db.Set<PtSession>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            : billingEvent.PaymentIntentId is { } intent
                ? await db.Set<PtSession>().FirstOrDefaultAsync(s => s.PaymentIntentId == intent, cancellationToken)
                : null;
        if (session is null || session.PaymentStatus != BookingPaymentStatus.Paid || !billingEvent.FullyRefunded)
        {
            return;
        }

        // A refund made at the gateway (e.g. from Stripe's dashboard) is recorded; the session itself is left as it is.
        session.PaymentStatus = BookingPaymentStatus.Refunded;
        db.Add(BookSessionHandler.Change(session, null, "refunded", $"Charge {billingEvent.ChargeId}."));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<PtSession?> FindAsync(string? reference, string? checkoutSessionId, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(reference, out var id))
        {
            return await db.Set<PtSession>().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        }

        return checkoutSessionId is null ? null : await db.Set<PtSession>().FirstOrDefaultAsync(s => s.CheckoutSessionId == checkoutSessionId, cancellationToken);
    }
}
