using Derrimut.BuildingBlocks.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.Hosting;

/// <summary>Migrates and seeds: used by the migrator, by the web app in Development, and by tests.</summary>
public static class DatabasePreparation
{
    /// <summary>Applies migrations, then seeds the platform and every tenant (idempotent).</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool includeDemoData, int maxParallelism, CancellationToken cancellationToken = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DataSeeder>().SeedAsync(includeDemoData, maxParallelism, cancellationToken);
        }
    }
}
