namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>
/// What every provider-parameterised fixture shares: a fresh database of one provider (SQLite, or PostgreSQL from
/// <c>etc/services.sh</c>), the app or host a test class runs against on it, and their disposal in reverse order.
/// Outside <c>etc/test.sh</c> a PostgreSQL fixture without a server skips its tests; under it
/// (<c>DERRIMUT_REQUIRE_SERVICES=1</c>) a missing server fails them. A fixture derives from this, sets up in
/// <see cref="SetUpAsync"/>, and has one sealed subclass per provider.
/// </summary>
public abstract class ProviderFixture : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _owned = [];
    private TestDatabase? _database;
    private string? _skipReason;

    /// <summary>The database provider this fixture's tests run on.</summary>
    protected abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// A value the tests read; skips the calling test when the provider is not available here. Use it in every public
    /// getter, so a skipped fixture never hands out a half-built app.
    /// </summary>
    protected T Ready<T>(T value)
    {
        if (_skipReason is not null)
        {
            Assert.Skip(_skipReason);
        }

        return value;
    }

    /// <summary>Disposes <paramref name="disposable"/> with the fixture, before the database (last owned first).</summary>
    protected T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>Starts what the class's tests share on the fresh database (owning it with <see cref="Own{T}"/>).</summary>
    protected abstract ValueTask SetUpAsync(TestDatabase database);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (Provider == DatabaseProvider.PostgreSql && TestServices.PostgresMaintenance is null
            && Environment.GetEnvironmentVariable("DERRIMUT_REQUIRE_SERVICES") != "1")
        {
            _skipReason = "PostgreSQL not available (DERRIMUT_TEST_POSTGRES not set); run etc/test.sh.";
            return;
        }

        _database = await TestDatabase.CreateAsync(Provider);
        await SetUpAsync(_database);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
