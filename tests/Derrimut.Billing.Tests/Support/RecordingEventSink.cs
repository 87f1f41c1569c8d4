using Derrimut.Billing.Gateways.Simulated;

namespace Derrimut.Billing.Tests.Support;

/// <summary>Stands in for the host's HTTP delivery: keeps what would have been posted, in order.</summary>
internal sealed class RecordingEventSink : ISimulatedEventSink
{
    private readonly List<SignedStripeEvent> _delivered = [];

    public IReadOnlyList<SignedStripeEvent> Delivered => _delivered;

    public Task DeliverAsync(SignedStripeEvent stripeEvent, CancellationToken cancellationToken)
    {
        _delivered.Add(stripeEvent);
        return Task.CompletedTask;
    }
}
