using System.Text.Json;
using Derrimut.Memberships.Domain;
using Derrimut.Web.Tests.Jobs;

namespace Derrimut.Web.Tests.Memberships;

/// <summary>A location opened later starts with its franchise's plans (and never another franchise's).</summary>
public abstract class FranchisePlansForNewLocationsShould(JobsAppFixture fixture)
{
    [Fact]
    public async Task GiveALocationOpenedLaterTheFranchisesPlansAsItsLongestRunningLocationSellsThem()
    {
        var platform = fixture.App.PlatformClient();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var franchise = await TenantBuilder.CreateFranchiseAsync(platform, $"fp-{suffix}");
        var first = await TenantBuilder.CreateLocationAsync(platform, $"fp1-{suffix}", franchise.Id);
        await MembershipTestKit.EnsurePlansAsync(fixture.App, first.Id);
        // The first location's own price for one plan, and a plan it retired: the copy follows what it sells now.
        await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(first.Id, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var plans = await db.Set<Plan>().OrderBy(p => p.Code).ToListAsync(ct);
            plans[0].PriceCents = 4190;
            plans[^1].IsActive = false;
            await db.SaveChangesAsync(ct);
        });
        var firstSells = await PublicPlansAsync(first.Identifier);
        firstSells.Count.ShouldBeGreaterThan(0);

        var later = await TenantBuilder.CreateLocationAsync(platform, $"fp2-{suffix}", franchise.Id);

        var laterSells = await PublicPlansAsync(later.Identifier);
        laterSells.ShouldBe(firstSells, ignoreOrder: true);
        var audit = await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(later.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<PlanAuditEntry>().AsNoTracking().ToListAsync(ct));
        audit.Count.ShouldBe(laterSells.Count);
        audit.ShouldAllBe(e => e.Action == "plan-created" && e.Detail.Contains("franchise's plans"));

        // Another franchise's new location starts with its own franchise's plans: none here.
        var otherFranchise = await TenantBuilder.CreateFranchiseAsync(platform, $"fq-{suffix}");
        var elsewhere = await TenantBuilder.CreateLocationAsync(platform, $"fq1-{suffix}", otherFranchise.Id);
        (await PublicPlansAsync(elsewhere.Identifier)).ShouldBeEmpty();
    }

    private async Task<List<string>> PublicPlansAsync(string identifier) =>
        [.. (await fixture.App.ClientFor(identifier).GetFromJsonAsync<JsonElement>("/api/memberships/plans")).EnumerateArray()
            .Select(p => $"{p.GetProperty("code").GetString()}:{p.GetProperty("priceCents").GetInt64()}:{p.GetProperty("name").GetString()}")];
}

public sealed class FranchisePlansForNewLocationsOnSqliteShould(SqliteJobsAppFixture fixture) : FranchisePlansForNewLocationsShould(fixture), IClassFixture<SqliteJobsAppFixture>;

public sealed class FranchisePlansForNewLocationsOnPostgreSqlShould(PostgresJobsAppFixture fixture) : FranchisePlansForNewLocationsShould(fixture), IClassFixture<PostgresJobsAppFixture>;
