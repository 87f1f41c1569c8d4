using Derrimut.Billing.Contracts;
using Derrimut.Billing.Events;
using Derrimut.Billing.Gateways.Simulated;
using Derrimut.Billing.Webhooks;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>
/// Test-host stand-in for the webhook delivery the host will own (<c>POST /webhooks/stripe</c>, built on the Billing
/// branch): it verifies each simulated event with the same verifier, translates it with Billing's own translator and
/// publishes it to every handler inside a tenant scope and one transaction, as the endpoint does. Registered only
/// when the app has no <see cref="ISimulatedEventSink"/> of its own.
/// </summary>
internal sealed class InProcessWebhookSink(ITenantScopeFactory scopes) : ISimulatedEventSink
{
    public Task DeliverAsync(SignedStripeEvent stripeEvent, CancellationToken cancellationToken)
    {
        var parsed = Stripe.EventUtility.ParseEvent(stripeEvent.Payload, throwOnApiVersionMismatch: false);
        var translation = StripeEventTranslator.Translate(parsed, stripeEvent.TenantId);
        if (translation.Event is not { } billingEvent)
        {
            return Task.CompletedTask;
        }

        return scopes.RunAsync(stripeEvent.TenantId, async (services, ct) =>
        {
            var db = services.GetRequiredService<DerrimutDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await services.GetRequiredService<BillingEventPublisher>().PublishAsync(billingEvent, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    public static void AddIfMissing(IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(ISimulatedEventSink)))
        {
            services.AddSingleton<ISimulatedEventSink, InProcessWebhookSink>();
        }
    }
}
