using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Features;
using Derrimut.Bookings.Features.Book;
using Derrimut.BuildingBlocks.Jobs;
using Microsoft.Extensions.Logging;

namespace Derrimut.Bookings.Jobs;

/// <summary>
/// Gives back money the gym must not keep: a PT session paid after its hold was released (the webhook marks it
/// <see cref="PtSession.RefundDue"/>) or cancelled with a refund the gateway refused at the time. Each is claimed
/// (marked refunded, committed under the row's version check) before the gateway is asked, with the same idempotency
/// key as a cancellation's refund, so a session is refunded once however many runs or nodes try.
/// </summary>
internal sealed class LatePaymentRefundsJob(ITenantScopeFactory scopes, ILogger<LatePaymentRefundsJob> logger) : LocationJob(scopes, logger)
{
    public const string Name = "BookingsLatePaymentRefunds";

    /// <summary>Every 5 minutes: the webhook cannot call the gateway inside Billing's transaction, so this follows soon after.</summary>
    public const string DefaultSchedule = "0 0/5 * * * ?";

    private readonly ILogger _logger = logger;

    protected override async Task RunForLocationAsync(IServiceProvider services, TenantInfo location, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DerrimutDbContext>();
        var gateway = services.GetRequiredService<IPaymentGateway>();
        var notices = services.GetRequiredService<BookingNotices>();
        var due = await db.Set<PtSession>()
            .Where(s => s.RefundDue && s.Status == BookingStatus.Cancelled && s.PaymentStatus == BookingPaymentStatus.Paid && s.PaymentIntentId != null)
            .ToListAsync(cancellationToken);
        foreach (var session in due)
        {
            session.PaymentStatus = BookingPaymentStatus.Refunded;
            session.RefundDue = false;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                continue; // another run claimed it
            }

            IssuedRefund issued;
            try
            {
                issued = await gateway.RefundAsync(new RefundRequest(location.Id, session.PaymentIntentId!, null, RefundReason.RequestedByCustomer,
                    $"trainer-booking-refund:{session.Id:N}", session.MemberId, session.Id.ToString()), cancellationToken);
            }
            catch (PaymentGatewayException ex)
            {
                // Put the claim back so the next run tries again; the change log shows each refusal to staff.
                _logger.LogWarning(ex, "Refund of late payment for session {Session} refused; retrying next run", session.Id);
                await db.Entry(session).ReloadAsync(CancellationToken.None);
                session.PaymentStatus = BookingPaymentStatus.Paid;
                session.RefundDue = true;
                db.Add(BookSessionHandler.Change(session, null, "refund-failed", "The gateway refused the refund; it is retried automatically."));
                await db.SaveChangesAsync(CancellationToken.None);
                continue;
            }

            await db.Entry(session).ReloadAsync(cancellationToken);
            session.RefundId = issued.RefundId;
            db.Add(BookSessionHandler.Change(session, null, "refunded", $"Refund {issued.RefundId} (paid after the hold was released)."));
            await db.SaveChangesAsync(cancellationToken);
            await notices.ChangedAsync(session, "cancelled", cancellationToken);
        }
    }
}
