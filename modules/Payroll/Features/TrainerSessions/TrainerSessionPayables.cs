using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;

namespace Derrimut.Payroll.Features.TrainerSessions;

/// <summary>Stores completed trainer sessions as payable work in the current location; the next pay run pays them.</summary>
internal sealed class TrainerSessionPayables(DerrimutDbContext db) : ITrainerSessionPayables
{
    public async Task<bool> RecordCompletedSessionAsync(CompletedTrainerSession session, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        errors.AddIf(session.TrainerUserId == Guid.Empty, "trainerUserId", "The trainer is required.");
        errors.AddIf(session.SessionId == Guid.Empty, "sessionId", "The session id is required.");
        errors.Required(session.Description, "description", 200);
        errors.ThrowIfAny();
        if (await db.Set<CompletedSession>().AnyAsync(c => c.SessionId == session.SessionId, cancellationToken))
        {
            return false;
        }

        db.Add(new CompletedSession
        {
            TrainerUserId = session.TrainerUserId,
            SessionId = session.SessionId,
            CompletedOn = session.CompletedOn,
            Description = session.Description.Trim(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // The same session reported twice at once: the unique (location, session) index keeps one.
            db.ChangeTracker.Clear();
            if (await db.Set<CompletedSession>().AnyAsync(c => c.SessionId == session.SessionId, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }
}
