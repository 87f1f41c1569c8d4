using Derrimut.Billing.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.Billing.Tests.Events;

public sealed class BillingEventPublisherShould
{
    private static readonly PaymentFailed Declined = new(
        "evt_1", TestData.Now, TestData.StAlbans, TestData.Priya, CheckoutPurposes.Membership, "no-lock-in", null, PaymentFailureStage.Invoice,
        null, "in_1", "sub_1", 4400, 400, "aud", 1, TestData.Now.AddDays(3));

    [Fact]
    public async Task HandTheEventToEveryHandlerOfItsTypeInRegistrationOrder()
    {
        var log = new List<string>();
        await using var services = new ServiceCollection()
            .AddSingleton<IBillingEventHandler<PaymentFailed>>(new Recorder<PaymentFailed>("memberships", log))
            .AddSingleton<IBillingEventHandler<PaymentFailed>>(new Recorder<PaymentFailed>("notifications", log))
            .AddSingleton<IBillingEventHandler<RefundIssued>>(new Recorder<RefundIssued>("ledger", log))
            .BuildServiceProvider();

        var handled = await new BillingEventPublisher(services).PublishAsync(Declined, TestContext.Current.CancellationToken);

        handled.ShouldBe(2);
        log.ShouldBe(["memberships:evt_1", "notifications:evt_1"]);
    }

    [Fact]
    public async Task LetAHandlersFailureReachTheWebhookSoTheTransactionRollsBack()
    {
        await using var services = new ServiceCollection()
            .AddSingleton<IBillingEventHandler<PaymentFailed>>(new Failing())
            .BuildServiceProvider();

        await Should.ThrowAsync<InvalidOperationException>(() =>
            new BillingEventPublisher(services).PublishAsync(Declined, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PublishToNobodyWhenNoModuleListens()
    {
        await using var services = new ServiceCollection().BuildServiceProvider();

        (await new BillingEventPublisher(services).PublishAsync(Declined, TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    private sealed class Recorder<TEvent>(string name, List<string> log) : IBillingEventHandler<TEvent>
        where TEvent : IBillingEvent
    {
        public Task HandleAsync(TEvent billingEvent, CancellationToken cancellationToken)
        {
            log.Add($"{name}:{billingEvent.StripeEventId}");
            return Task.CompletedTask;
        }
    }

    private sealed class Failing : IBillingEventHandler<PaymentFailed>
    {
        public Task HandleAsync(PaymentFailed billingEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Membership row is locked.");
    }
}
