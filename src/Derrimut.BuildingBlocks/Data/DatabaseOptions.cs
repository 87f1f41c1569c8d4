namespace Derrimut.BuildingBlocks.Data;

/// <summary>The database engines the platform runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded default: a file next to the app, nothing to install.</summary>
    Sqlite,

    /// <summary>The tested server database.</summary>
    PostgreSql,

    /// <summary>The original design's production target (model checked by script generation).</summary>
    SqlServer,
}

/// <summary>Configuration section <c>Database</c>; the connection string is <c>ConnectionStrings:Derrimut</c>.</summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Database";

    /// <summary>Which engine; SQLite unless configured.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Migrate (and, in Development, seed demo data) when the web app starts.</summary>
    public bool MigrateOnStartup { get; set; }

    /// <summary>Seed the demo franchises, locations and people.</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>
    /// Use the model EF Core precompiled for this provider and module list, when there is one, instead of building
    /// it at start (decision 0088). Off only to rule the precompiled model out while diagnosing.
    /// </summary>
    public bool UsePrecompiledModel { get; set; } = true;

    /// <summary>The migrations assembly for a provider.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => $"Derrimut.Migrations.{provider}";
}
