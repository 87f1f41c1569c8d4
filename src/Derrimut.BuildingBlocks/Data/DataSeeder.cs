using Derrimut.BuildingBlocks.Tenancy;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>What a seed contributor is told.</summary>
/// <param name="Services">The scope's services (its DbContext acts for the scope's tenant).</param>
/// <param name="IncludeDemoData">Seed the demo franchises, locations and people (Development).</param>
public sealed record SeedContext(IServiceProvider Services, bool IncludeDemoData);

/// <summary>
/// A module's seed data. Must be idempotent: the migrator and the web app in Development run it on every start.
/// </summary>
public interface IDataSeedContributor
{
    /// <summary>Lower runs first (modules' order by default).</summary>
    int Order { get; }

    /// <summary>Seeds platform-owned data, in platform scope.</summary>
    Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken);

    /// <summary>Seeds one tenant's data, in that tenant's scope.</summary>
    Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken);
}

/// <summary>Runs every seed contributor: platform first, then each tenant with bounded parallelism.</summary>
public sealed class DataSeeder(
    ITenantScopeFactory scopes,
    IEnumerable<IDataSeedContributor> contributors,
    ILogger<DataSeeder> logger)
{
    /// <summary>Seeds everything; <paramref name="maxParallelism"/> tenants at a time.</summary>
    public async Task SeedAsync(bool includeDemoData, int maxParallelism, CancellationToken cancellationToken = default)
    {
        var ordered = contributors.OrderBy(c => c.Order).ToList();
        foreach (var contributor in ordered)
        {
            await scopes.RunAsPlatformAsync(
                (sp, ct) => contributor.SeedPlatformAsync(new SeedContext(sp, includeDemoData), ct), cancellationToken);
        }

        var tenants = await scopes.RunAsPlatformAsync(
            (sp, ct) => sp.GetRequiredService<ITenantStore>().ListAsync(ct), cancellationToken);
        logger.LogInformation("Seeded platform data; seeding {Count} tenant(s), {Parallelism} at a time", tenants.Count, maxParallelism);

        var done = 0;
        await Parallel.ForEachAsync(
            tenants,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism), CancellationToken = cancellationToken },
            async (tenant, ct) =>
            {
                foreach (var contributor in ordered)
                {
                    await scopes.RunAsync(tenant, (sp, innerCt) => contributor.SeedTenantAsync(tenant, new SeedContext(sp, includeDemoData), innerCt), ct);
                }

                var count = Interlocked.Increment(ref done);
                logger.LogInformation("Seeded tenant {Identifier} ({Done}/{Total})", tenant.Identifier, count, tenants.Count);
            });
    }
}
