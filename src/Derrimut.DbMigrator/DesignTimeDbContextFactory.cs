using Derrimut.BuildingBlocks.Data;
using Derrimut.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Derrimut.DbMigrator;

/// <summary>
/// Lets <c>dotnet ef</c> build the composed model for one provider: <c>-- --provider Sqlite|PostgreSql|SqlServer</c>.
/// No database is contacted to add a migration, so the connection strings are placeholders.
/// <c>--without-data-filters</c> builds the model to be precompiled (<c>etc/compiled-models.sh</c>, decision 0088).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DerrimutDbContext>
{
    public DerrimutDbContext CreateDbContext(string[] args)
    {
        var (provider, connectionString) = DesignTimeDatabase.From(args);
        var options = new DbContextOptionsBuilder<DerrimutDbContext>();
        DataRegistration.Configure(options, provider, connectionString, DerrimutModules.Create(), withoutDataFilters: args.Contains("--without-data-filters"));
        return new DerrimutDbContext(options.Options);
    }
}

/// <summary>
/// Lets <c>dotnet ef dbcontext optimize</c> build the key ring's own model for one provider (<c>-- --provider ...</c>),
/// which <c>etc/compiled-models.sh</c> precompiles beside the modules' (decision 0089). Never migrated: the modules'
/// migrations create its table.
/// </summary>
internal sealed class DesignTimeKeyRingContextFactory : IDesignTimeDbContextFactory<DataProtectionKeysContext>
{
    public DataProtectionKeysContext CreateDbContext(string[] args)
    {
        var (provider, connectionString) = DesignTimeDatabase.From(args);
        var options = new DbContextOptionsBuilder<DataProtectionKeysContext>();
        DataRegistration.ConfigureKeyRing(options, provider, connectionString);
        return new DataProtectionKeysContext(options.Options);
    }
}

/// <summary>The provider named by <c>--provider</c> (SQLite by default) and a placeholder connection: nothing is contacted.</summary>
internal static class DesignTimeDatabase
{
    public static (DatabaseProvider Provider, string ConnectionString) From(string[] args)
    {
        var index = Array.IndexOf(args, "--provider");
        var provider = index >= 0 && index + 1 < args.Length ? Enum.Parse<DatabaseProvider>(args[index + 1], ignoreCase: true) : DatabaseProvider.Sqlite;
        return (provider, provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=design-time.db",
            DatabaseProvider.PostgreSql => "Host=127.0.0.1;Database=derrimut_design",
            _ => "Server=127.0.0.1;Database=derrimut_design;TrustServerCertificate=true",
        });
    }
}
