using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// Recognises a unique index refusing a row, on each provider we run. Unique indexes are how the modules settle races
/// (a double booking, a duplicate webhook, a second checkout): the losing write is refused by the database and turned
/// into a clear answer, so a refusal is an expected outcome, not a fault. A <c>catch</c> that turns a failed save into
/// "someone got there first" filters on <see cref="In"/> or <see cref="LostRace"/>: any other failure (the database
/// restarting, a timeout, a deadlock, a broken foreign key) must reach the problem handler as what it is, a 503 with
/// <c>Retry-After</c> or a 500, never a 409 that tells the client its write was a duplicate (decision 0098).
/// </summary>
public static class UniqueViolations
{
    /// <summary>True when the database refused the command because a unique index or key already holds the value.</summary>
    public static bool Is(DbException exception) => exception switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        // Duplicate key in a unique index / a unique constraint.
        SqlException m => m.Number is 2601 or 2627,
        _ => false,
    };

    /// <summary>True when <paramref name="exception"/> or one it wraps (EF Core's <c>DbUpdateException</c>) is a unique violation.</summary>
    public static bool In(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException db && Is(db))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a save lost a race that the database settled: a unique index refused a row (<see cref="In"/>), or a
    /// concurrency token showed that a row had moved on since it was read (<see cref="DbUpdateConcurrencyException"/>).
    /// </summary>
    public static bool LostRace(Exception? exception) => exception is DbUpdateConcurrencyException || In(exception);
}
