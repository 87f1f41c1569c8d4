namespace Derrimut.Web.Tests.Data;

/// <summary>
/// The kernel pools <see cref="DerrimutDbContext"/> instances (AddPooledDbContextFactory): the same object serves one
/// tenant's scope, goes back to the pool and serves the next. Nothing of the last use — its tenant, its tracked
/// rows — may survive into the next one, including when the last use ended in an exception (decision 0062).
/// </summary>
public abstract class PooledContextsShould(DataFixture fixture)
{
    private KernelHost Host => fixture.Host;

    private Task<ProbeNote> AddNoteAsync(TenantInfo tenant) => Host.AsAsync(tenant, async db =>
    {
        var note = new ProbeNote { Code = Guid.NewGuid().ToString("N"), Text = $"note at {tenant.Identifier}" };
        db.Add(note);
        await db.SaveChangesAsync();
        return note;
    });

    // The pool hands contexts out of a queue; this test class runs its tests one at a time, so the context returned
    // by one scope is the one the next scope rents. Asserted, so the test cannot pass without reuse.
    private async Task<(DerrimutDbContext Context, T Result)> NextUseAsync<T>(TenantInfo tenant, Func<DerrimutDbContext, Task<T>> work)
    {
        DerrimutDbContext? used = null;
        var result = await Host.AsAsync(tenant, async db =>
        {
            used = db;
            return await work(db);
        });
        return (used!, result);
    }

    [Fact]
    public async Task FilterByTheNewTenantWhenAContextIsReusedInAnotherScope()
    {
        var a1Note = await AddNoteAsync(fixture.A1);
        var b1Note = await AddNoteAsync(fixture.B1);

        var (first, a1Sees) = await NextUseAsync(fixture.A1, db => db.Set<ProbeNote>().Select(n => n.Id).ToListAsync());
        var (second, b1Sees) = await NextUseAsync(fixture.B1, db => db.Set<ProbeNote>().Select(n => n.Id).ToListAsync());

        second.ShouldBeSameAs(first, "the pool reused the context");
        a1Sees.ShouldContain(a1Note.Id);
        b1Sees.ShouldContain(b1Note.Id);
        b1Sees.ShouldNotContain(a1Note.Id);
        (await Host.AsAsync(fixture.B1, db => db.Set<ProbeNote>().FindAsync(a1Note.Id).AsTask())).ShouldBeNull();
    }

    [Fact]
    public async Task ForgetTheTenantAndTheTrackedRowsOfAUseThatEndedInAnException()
    {
        var a1Note = await AddNoteAsync(fixture.A1);
        DerrimutDbContext? failed = null;
        var unsaved = new ProbeNote { Code = Guid.NewGuid().ToString("N"), Text = "added at a1, never saved" };

        await Should.ThrowAsync<InvalidOperationException>(() => Host.AsAsync(fixture.A1, async db =>
        {
            failed = db;
            (await db.Set<ProbeNote>().SingleAsync(n => n.Id == a1Note.Id)).Text = "changed at a1, never saved";
            db.Add(unsaved);
            throw new InvalidOperationException("the request failed half-way");
        }));

        var (next, b1Sees) = await NextUseAsync(fixture.B1, async db =>
        {
            db.ChangeTracker.Entries().ShouldBeEmpty("nothing tracked by the failed use");
            // A save in the next scope writes nothing of the failed one's.
            await db.SaveChangesAsync();
            return await db.Set<ProbeNote>().Select(n => n.Id).ToListAsync();
        });

        next.ShouldBeSameAs(failed, "the pool reused the context");
        b1Sees.ShouldNotContain(a1Note.Id);
        var stored = await Host.AsAsync(fixture.A1, db => db.Set<ProbeNote>().AsNoTracking().SingleAsync(n => n.Id == a1Note.Id));
        stored.Text.ShouldBe("note at a1");
        (await Host.AsAsync(fixture.A1, db => db.Set<ProbeNote>().CountAsync(n => n.Id == unsaved.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task SeeNoTenantsRowsThroughAContextRentedWithoutATenant()
    {
        // A context taken from the pool directly (not through the scope's tenant-aware factory) must fail closed:
        // before the fix it kept the tenant of whoever had used it last.
        var a1Note = await AddNoteAsync(fixture.A1);
        var (used, _) = await NextUseAsync(fixture.A1, db => db.Set<ProbeNote>().CountAsync());

        var pool = Host.Services.GetRequiredService<IDbContextFactory<DerrimutDbContext>>();
        await using var bare = await pool.CreateDbContextAsync(TestContext.Current.CancellationToken);
        bare.ShouldBeSameAs(used, "the pool reused the context");
        (await bare.Set<ProbeNote>().CountAsync(n => n.Id == a1Note.Id, TestContext.Current.CancellationToken)).ShouldBe(0);
        bare.Add(new ProbeNote { Code = Guid.NewGuid().ToString("N"), Text = "no tenant" });
        await Should.ThrowAsync<Exception>(() => bare.SaveChangesAsync(TestContext.Current.CancellationToken));
    }
}

public sealed class PooledContextsOnSqliteShould(SqliteDataFixture fixture) : PooledContextsShould(fixture), IClassFixture<SqliteDataFixture>;

public sealed class PooledContextsOnPostgreSqlShould(PostgresDataFixture fixture) : PooledContextsShould(fixture), IClassFixture<PostgresDataFixture>;
