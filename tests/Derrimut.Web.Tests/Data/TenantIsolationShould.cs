using Derrimut.BuildingBlocks.Errors;

namespace Derrimut.Web.Tests.Data;

/// <summary>
/// Rows owned by one location are invisible and untouchable from every other scope: other locations of the same
/// franchise, the other franchise's locations, franchises and the platform.
/// </summary>
public abstract class TenantIsolationShould(DataFixture fixture)
{
    private KernelHost Host => fixture.Host;

    private async Task<ProbeNote> AddNoteAsync(TenantInfo tenant, string? code = null, params string[] comments)
    {
        var note = new ProbeNote { Code = code ?? Guid.NewGuid().ToString("N"), Text = $"note at {tenant.Identifier}" };
        note.Comments.AddRange(comments.Select(c => new ProbeComment { Text = c }));
        await Host.AsAsync(tenant, async db =>
        {
            db.Add(note);
            await db.SaveChangesAsync();
        });
        return note;
    }

    [Fact]
    public async Task HideALocationsRowsFromQueriesFindAndCountsEverywhereElse()
    {
        var note = await AddNoteAsync(fixture.A1, comments: ["first", "second"]);

        foreach (var other in new[] { fixture.A2, fixture.B1, fixture.B2, fixture.FranchiseA, fixture.FranchiseB })
        {
            var (listed, found, count, comments) = await Host.AsAsync(other, async db => (
                await db.Set<ProbeNote>().Where(n => n.Id == note.Id).ToListAsync(),
                await db.Set<ProbeNote>().FindAsync(note.Id),
                await db.Set<ProbeNote>().CountAsync(n => n.Id == note.Id),
                await db.Set<ProbeComment>().CountAsync(c => c.NoteId == note.Id)));
            listed.ShouldBeEmpty($"listed from {other.Identifier}");
            found.ShouldBeNull($"found from {other.Identifier}");
            count.ShouldBe(0);
            comments.ShouldBe(0);
        }

        var own = await Host.AsAsync(fixture.A1, db => db.Set<ProbeNote>().Include(n => n.Comments).SingleAsync(n => n.Id == note.Id));
        own.Comments.Count.ShouldBe(2);
    }

    [Fact]
    public async Task StampTheOwnerOnInsert()
    {
        var note = await AddNoteAsync(fixture.B2);
        note.TenantId.ShouldBe(fixture.B2.Id);
        note.FranchiseId.ShouldBe(fixture.FranchiseB.Id);
    }

    [Fact]
    public async Task IncludeOnlyTheCurrentLocationsChildrenEvenWhenDataPointsAcross()
    {
        var note = await AddNoteAsync(fixture.A1, comments: ["mine"]);
        // A child row of another location pointing at A1's note (corrupt data, written around the data layer):
        // an Include from A1 must still not surface it.
        await Host.AsAsync(fixture.A2, async db =>
        {
            db.Add(new ProbeComment { NoteId = note.Id, Text = "foreign" });
            await db.SaveChangesAsync();
        });

        var loaded = await Host.AsAsync(fixture.A1, db => db.Set<ProbeNote>().Include(n => n.Comments).SingleAsync(n => n.Id == note.Id));
        loaded.Comments.Select(c => c.Text).ShouldBe(["mine"]);
        var fromA2 = await Host.AsAsync(fixture.A2, db => db.Set<ProbeComment>().Include(c => c.Note).Where(c => c.NoteId == note.Id).ToListAsync());
        // EF drops the child (required navigation, filtered parent) or leaves the parent unset: either way A1's
        // note never reaches A2.
        fromA2.ShouldAllBe(c => c.Note == null);
    }

    [Fact]
    public async Task ShowThePlatformNoTenantRowsUnlessTheTenantFilterIsIgnoredExplicitly()
    {
        var note = await AddNoteAsync(fixture.B1);
        (await Host.AsPlatformAsync(db => db.Set<ProbeNote>().CountAsync(n => n.Id == note.Id))).ShouldBe(0);
        (await Host.AsPlatformAsync(db => db.Set<ProbeNote>().IgnoreQueryFilters([DataFilters.Tenant]).CountAsync(n => n.Id == note.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task RefuseToCreateARowForAnotherLocation()
    {
        var code = Guid.NewGuid().ToString("N");
        await Should.ThrowAsync<TenantOwnershipException>(() => Host.AsAsync(fixture.A2, async db =>
        {
            db.Add(new ProbeNote { TenantId = fixture.A1.Id, FranchiseId = fixture.FranchiseA.Id, Code = code });
            await db.SaveChangesAsync();
        }));
        (await Host.AsPlatformAsync(db => db.Set<ProbeNote>().IgnoreQueryFilters().CountAsync(n => n.Code == code))).ShouldBe(0);
    }

    [Fact]
    public async Task RefuseToMoveARowToAnotherLocation()
    {
        var note = await AddNoteAsync(fixture.A1);
        await Should.ThrowAsync<TenantOwnershipException>(() => Host.AsAsync(fixture.A1, async db =>
        {
            var loaded = await db.Set<ProbeNote>().SingleAsync(n => n.Id == note.Id);
            loaded.TenantId = fixture.B1.Id;
            await db.SaveChangesAsync();
        }));
        (await Host.AsAsync(fixture.A1, db => db.Set<ProbeNote>().CountAsync(n => n.Id == note.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task RefuseToUpdateOrDeleteARowOwnedByAnotherLocation()
    {
        var note = await AddNoteAsync(fixture.A1);
        await Should.ThrowAsync<TenantOwnershipException>(() => Host.AsAsync(fixture.B1, async db =>
        {
            var forged = new ProbeNote { Id = note.Id, TenantId = note.TenantId, FranchiseId = note.FranchiseId, Code = note.Code };
            db.Attach(forged);
            forged.Text = "hijacked";
            await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<TenantOwnershipException>(() => Host.AsAsync(fixture.B1, async db =>
        {
            db.Remove(new ProbeNote { Id = note.Id, TenantId = note.TenantId, FranchiseId = note.FranchiseId, Code = note.Code });
            await db.SaveChangesAsync();
        }));
        var stored = await Host.AsAsync(fixture.A1, db => db.Set<ProbeNote>().SingleAsync(n => n.Id == note.Id));
        stored.Text.ShouldBe(note.Text);
        stored.IsDeleted.ShouldBeFalse();
    }

    [Fact]
    public async Task RefuseOwnedWritesInPlatformAndFranchiseScope()
    {
        await Should.ThrowAsync<TenantOwnershipException>(() => Host.AsPlatformAsync<int>(async db =>
        {
            db.Add(new ProbeNote { Code = "platform" });
            return await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<TenantOwnershipException>(() => Host.AsAsync(fixture.FranchiseA, async db =>
        {
            db.Add(new ProbeNote { Code = "franchise" });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task KeepFranchiseRowsWithinTheFranchise()
    {
        var text = Guid.NewGuid().ToString("N");
        await Host.AsAsync(fixture.FranchiseA, async db =>
        {
            db.Add(new ProbeFranchiseNote { Text = text });
            await db.SaveChangesAsync();
        });

        foreach (var (tenant, visible) in new[] { (fixture.FranchiseA, 1), (fixture.A1, 1), (fixture.A2, 1), (fixture.FranchiseB, 0), (fixture.B1, 0) })
        {
            (await Host.AsAsync(tenant, db => db.Set<ProbeFranchiseNote>().CountAsync(n => n.Text == text))).ShouldBe(visible, tenant.Identifier);
        }

        (await Host.AsPlatformAsync(db => db.Set<ProbeFranchiseNote>().CountAsync(n => n.Text == text))).ShouldBe(0);
        await Should.ThrowAsync<TenantOwnershipException>(() => Host.AsAsync(fixture.A1, async db =>
        {
            db.Add(new ProbeFranchiseNote { Text = "a location cannot write franchise rows" });
            await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task NeverCarryATenantFromOnePooledContextToTheNext()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var tenants = new[] { fixture.A1, fixture.A2, fixture.B1, fixture.B2 };
        foreach (var tenant in tenants)
        {
            await AddNoteAsync(tenant, $"{marker}-{tenant.Identifier}");
        }

        // Many short scopes for interleaved tenants on the same pool: each must see exactly its own row.
        await Parallel.ForEachAsync(Enumerable.Range(0, 200), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var tenant = tenants[i % tenants.Length];
            var codes = await Host.AsAsync(tenant, db => db.Set<ProbeNote>().Where(n => n.Code.StartsWith(marker)).Select(n => n.Code).ToListAsync());
            codes.ShouldBe([$"{marker}-{tenant.Identifier}"]);
        });
    }

    [Fact]
    public async Task HideSoftDeletedRowsUnlessAskedAndStillOnlyTheOwnLocations()
    {
        var note = await AddNoteAsync(fixture.A2);
        await Host.AsAsync(fixture.A2, async db =>
        {
            db.Remove(await db.Set<ProbeNote>().SingleAsync(n => n.Id == note.Id));
            await db.SaveChangesAsync();
        });

        (await Host.AsAsync(fixture.A2, db => db.Set<ProbeNote>().CountAsync(n => n.Id == note.Id))).ShouldBe(0);
        var deleted = await Host.AsAsync(fixture.A2, db => db.Set<ProbeNote>().IgnoreQueryFilters([DataFilters.SoftDelete]).SingleAsync(n => n.Id == note.Id));
        deleted.IsDeleted.ShouldBeTrue();
        deleted.DeletedAt.ShouldNotBeNull();
        (await Host.AsAsync(fixture.A1, db => db.Set<ProbeNote>().IgnoreQueryFilters([DataFilters.SoftDelete]).CountAsync(n => n.Id == note.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task EnforceUniquenessPerLocationNotAcrossLocations()
    {
        var code = Guid.NewGuid().ToString("N");
        await AddNoteAsync(fixture.A1, code);
        await AddNoteAsync(fixture.A2, code);
        await Should.ThrowAsync<DbUpdateException>(() => AddNoteAsync(fixture.A1, code));
    }
}

public sealed class TenantIsolationOnSqliteShould(SqliteDataFixture fixture) : TenantIsolationShould(fixture), IClassFixture<SqliteDataFixture>;

public sealed class TenantIsolationOnPostgreSqlShould(PostgresDataFixture fixture) : TenantIsolationShould(fixture), IClassFixture<PostgresDataFixture>;
