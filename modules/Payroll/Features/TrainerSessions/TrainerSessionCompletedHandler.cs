using Derrimut.Bookings.Contracts;
using Derrimut.BuildingBlocks.Events;
using Derrimut.Payroll.Contracts;

namespace Derrimut.Payroll.Features.TrainerSessions;

/// <summary>
/// A trainer's PT session was completed in Bookings: record it as payable work, in the completing transaction, so the
/// next pay run pays it — once, however often the completion is published (one payable per session).
/// </summary>
internal sealed class TrainerSessionCompletedHandler(ITrainerSessionPayables payables) : IIntegrationEventHandler<TrainerSessionCompleted>
{
    public Task HandleAsync(TrainerSessionCompleted integrationEvent, CancellationToken cancellationToken) =>
        payables.RecordCompletedSessionAsync(
            new CompletedTrainerSession(integrationEvent.TrainerPersonId, integrationEvent.SessionId, integrationEvent.CompletedOn, integrationEvent.Description),
            cancellationToken);
}
