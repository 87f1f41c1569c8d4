using Npgsql;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>A throwaway database of its own for one fixture: a SQLite file, or a fresh PostgreSQL database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"derrimut-test-{Guid.NewGuid():N}.db");
            // Pooling=False: the file is deleted at the end, and pooled native handles would keep it open.
            return new TestDatabase(provider, $"Data Source={file};Pooling=False", file, null);
        }

        var maintenance = TestServices.RequirePostgres();
        var name = $"derrimut_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(maintenance))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Timeout: how long a request may wait for a pooled connection. The race tests send 200-1,000 requests at
        // once while every other test project runs beside them on two cores; a request still queued for the pool after
        // the default 15 s would fail as a 500, which is the machine's limit rather than the rule under test.
        var builder = new NpgsqlConnectionStringBuilder(maintenance) { Database = name, Timeout = 120 };
        return new TestDatabase(provider, builder.ConnectionString, null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_postgresName is not null && TestServices.PostgresMaintenance is { } maintenance)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(maintenance);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
