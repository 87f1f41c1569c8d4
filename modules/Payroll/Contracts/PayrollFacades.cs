namespace Derrimut.Payroll.Contracts;

/// <summary>
/// The seam through which bookings feed completed trainer sessions to payroll as payable work. Bookings sits below
/// Payroll in the module order, so Bookings publishes a "session completed" event and Payroll's handler calls this
/// (the demo seed publishes that event too). Runs in the session's location scope.
/// </summary>
public interface ITrainerSessionPayables
{
    /// <summary>Records a completed session (idempotent by <see cref="CompletedTrainerSession.SessionId"/>).</summary>
    /// <returns>False when the session was already recorded.</returns>
    Task<bool> RecordCompletedSessionAsync(CompletedTrainerSession session, CancellationToken cancellationToken = default);
}
