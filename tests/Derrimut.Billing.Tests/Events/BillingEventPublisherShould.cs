using Derrimut.Billing.Events;
using Derrimut.BuildingBlocks.Events;
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
            .AddSingleton<IIntegrationEventHandler<PaymentFailed>>(new Recorder<PaymentFailed>("memberships", log))
            .AddSingleton<IIntegrationEventHandler<PaymentFailed>>(new Recorder<PaymentFailed>("notifications", log))
            .AddSingleton<IIntegrationEventHandler<RefundIssued>>(new Recorder<RefundIssued>("ledger", log))
            .AddIntegrationEventPublisher()
            .BuildServiceProvider();

        var handled = await Publisher(services).PublishAsync(Declined, TestContext.Current.CancellationToken);

        handled.ShouldBe(2);
        log.ShouldBe(["memberships:evt_1", "notifications:evt_1"]);
    }

    [Fact]
    public async Task LetAHandlersFailureReachTheWebhookSoTheTransactionRollsBack()
    {
        await using var services = new ServiceCollection()
            .AddSingleton<IIntegrationEventHandler<PaymentFailed>>(new Failing())
            .AddIntegrationEventPublisher()
            .BuildServiceProvider();

        await Should.ThrowAsync<InvalidOperationException>(() =>
            Publisher(services).PublishAsync(Declined, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task PublishToNobodyWhenNoModuleListens()
    {
        await using var services = new ServiceCollection().AddIntegrationEventPublisher().BuildServiceProvider();

        (await Publisher(services).PublishAsync(Declined, TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    private sealed class Recorder<TEvent>(string name, List<string> log) : IIntegrationEventHandler<TEvent>
        where TEvent : IBillingEvent
    {
        public Task HandleAsync(TEvent billingEvent, CancellationToken cancellationToken)
        {
            log.Add($"{name}:{billingEvent.StripeEventId}");
            return Task.CompletedTask;
        }
    }

    private sealed class Failing : IIntegrationEventHandler<PaymentFailed>
    {
        public Task HandleAsync(PaymentFailed billingEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Membership row is locked.");
    }

    private static BillingEventPublisher Publisher(IServiceProvider services) =>
        new(services.GetRequiredService<IIntegrationEventPublisher>());
}
