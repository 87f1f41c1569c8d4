using Derrimut.BuildingBlocks.Events;

namespace Derrimut.Kernel.Tests.Events;

public sealed class IntegrationEventPublisherShould
{
    [Fact]
    public async Task HandTheEventToEveryHandlerOfItsTypeInRegistrationOrderSharingOneInstancePerScope()
    {
        var log = new List<string>();
        await using var services = new ServiceCollection()
            .AddSingleton(log)
            .AddIntegrationEventPublisher()
            .AddIntegrationEventHandler<SessionCompleted, PayrollLedger>()
            .AddIntegrationEventHandler<SessionCancelled, PayrollLedger>()
            .AddIntegrationEventHandler<SessionCompleted, TrainerDashboard>()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IIntegrationEventPublisher>();

        var handled = await publisher.PublishAsync(new SessionCompleted("s-1"), TestContext.Current.CancellationToken);
        await publisher.PublishAsync(new SessionCancelled("s-2"), TestContext.Current.CancellationToken);

        handled.ShouldBe(2);
        log.ShouldBe(["payroll:s-1", "dashboard:s-1", "payroll:s-2"]);
        scope.ServiceProvider.GetRequiredService<PayrollLedger>().Seen.ShouldBe(2);
    }

    [Fact]
    public async Task LetAHandlersFailureReachThePublisherSoItsTransactionRollsBack()
    {
        await using var services = new ServiceCollection()
            .AddSingleton(new List<string>())
            .AddIntegrationEventPublisher()
            .AddIntegrationEventHandler<SessionCompleted, Failing>()
            .AddIntegrationEventHandler<SessionCompleted, TrainerDashboard>()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();

        await Should.ThrowAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IIntegrationEventPublisher>()
            .PublishAsync(new SessionCompleted("s-1"), TestContext.Current.CancellationToken));

        scope.ServiceProvider.GetRequiredService<List<string>>().ShouldBeEmpty();
    }

    private sealed record SessionCompleted(string SessionId) : IIntegrationEvent;

    private sealed record SessionCancelled(string SessionId) : IIntegrationEvent;

    private sealed class PayrollLedger(List<string> log) : IIntegrationEventHandler<SessionCompleted>, IIntegrationEventHandler<SessionCancelled>
    {
        public int Seen { get; private set; }

        public Task HandleAsync(SessionCompleted integrationEvent, CancellationToken cancellationToken) => Record(integrationEvent.SessionId);

        public Task HandleAsync(SessionCancelled integrationEvent, CancellationToken cancellationToken) => Record(integrationEvent.SessionId);

        private Task Record(string id)
        {
            Seen++;
            log.Add($"payroll:{id}");
            return Task.CompletedTask;
        }
    }

    private sealed class TrainerDashboard(List<string> log) : IIntegrationEventHandler<SessionCompleted>
    {
        public Task HandleAsync(SessionCompleted integrationEvent, CancellationToken cancellationToken)
        {
            log.Add($"dashboard:{integrationEvent.SessionId}");
            return Task.CompletedTask;
        }
    }

    private sealed class Failing : IIntegrationEventHandler<SessionCompleted>
    {
        public Task HandleAsync(SessionCompleted integrationEvent, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The payroll period is locked.");
    }
}
