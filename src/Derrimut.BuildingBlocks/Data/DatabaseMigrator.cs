using Microsoft.EntityFrameworkCore;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>Applies the provider's migrations.</summary>
public sealed class DatabaseMigrator(DerrimutDbContext db, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Migrates to the latest version; idempotent.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Applying {Count} pending migration(s) on {Provider}", pending.Count, db.Database.ProviderName);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.IsSqlite)
        {
            // Write-ahead logging lets readers continue while a writer commits; the mode persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
