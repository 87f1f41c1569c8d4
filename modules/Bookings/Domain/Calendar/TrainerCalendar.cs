using System.Data.Common;
using Npgsql;

namespace Derrimut.Bookings.Domain.Calendar;

/// <summary>
/// The shared trainer calendar (decision 0027): every commitment of a trainer's time — PT sessions now, class
/// occurrences from the classes feature — holds its quarter-hour blocks here. Nothing checks "is the trainer free?"
/// and then writes: the write itself is the check, because the database's unique indexes refuse an overlapping block.
/// </summary>
internal sealed class TrainerCalendar(DerrimutDbContext db)
{
    /// <summary>
    /// Adds the blocks of a commitment to the unit of work (saved with the commitment itself, in one transaction, by
    /// <see cref="SaveAsync"/>). A <paramref name="memberId"/> also holds the member's time.
    /// </summary>
    public IReadOnlyList<CalendarBlock> Hold(Guid trainerId, Guid? memberId, DateTimeOffset start, DateTimeOffset end, string commitmentKind, Guid commitmentId)
    {
        var blocks = CalendarBlocks.Covering(start, end)
            .Select(s => new CalendarBlock
            {
                // EF Core sorts one table's inserts by key, so the key fixes the order in which a commitment takes its
                // blocks. A key stamped with the block's own start makes that order earliest-first in every writer;
                // random keys let two racers take the same blocks in opposite orders and deadlock each other (seen as
                // 40P01 and lock waits past the command timeout under load) instead of one simply losing on the
                // unique index.
                Id = Guid.CreateVersion7(s),
                TrainerId = trainerId,
                MemberId = memberId,
                StartsAt = s,
                CommitmentKind = commitmentKind,
                CommitmentId = commitmentId,
            })
            .ToList();
        db.AddRange(blocks);
        return blocks;
    }

    /// <summary>Removes a commitment's blocks from the unit of work (cancelled, expired or declined), freeing the time.</summary>
    public async Task ReleaseAsync(Guid commitmentId, CancellationToken cancellationToken)
    {
        var blocks = await db.Set<CalendarBlock>().Where(b => b.CommitmentId == commitmentId).ToListAsync(cancellationToken);
        db.RemoveRange(blocks);
    }

    /// <summary>
    /// Saves the unit of work; an overlap refused by the database becomes a <see cref="ConflictException"/> on
    /// <paramref name="field"/> (409), and the unit of work is cleared so nothing half-written is retried.
    /// </summary>
    public async Task SaveAsync(string field, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (OverlapOf(exception) is { } clash)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(
                clash == CalendarClash.Member
                    ? "You already have a session at that time."
                    : "The trainer is already booked at that time.",
                field);
        }
    }

    /// <summary>Which calendar rule a failed save broke, or null when it was something else.</summary>
    public static CalendarClash? OverlapOf(DbUpdateException exception)
    {
        if (exception is DbUpdateConcurrencyException || exception.InnerException is not DbException inner || !UniqueViolations.Is(inner))
        {
            return null;
        }

        // PostgreSQL names the index; SQLite names the columns; SQL Server names the index in the message.
        var text = inner is PostgresException postgres ? postgres.ConstraintName + " " + postgres.Message : inner.Message;
        if (!text.Contains("calendar_blocks", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return text.Contains(nameof(CalendarBlock.MemberId), StringComparison.OrdinalIgnoreCase) ? CalendarClash.Member : CalendarClash.Trainer;
    }
}

/// <summary>Whose time a refused commitment overlapped.</summary>
internal enum CalendarClash
{
    Trainer,
    Member,
}
