using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>Registers the pooled, tenant-aware <see cref="DerrimutDbContext"/> for the configured provider.</summary>
public static class DataRegistration
{
    /// <summary>The connection string name.</summary>
    public const string ConnectionStringName = "Derrimut";

    /// <summary>Adds the data layer.</summary>
    public static void AddDerrimutData(this IHostApplicationBuilder builder, ModuleCatalog modules, IEnumerable<PrecompiledModel>? precompiledModels = null)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var precompiled = options.UsePrecompiledModel ? PrecompiledModel.Find(precompiledModels, options.Provider, modules.Modules) : null;
        if (precompiled is not null)
        {
            // Loading it (~0.2 s of generated code on a starting node) needs nothing from the host, whose build keeps
            // one thread busy for the next half second while the other core idles: so it loads there, and the first
            // context finds it loaded (decision 0089). A load that fails throws again, with its cause, at first use.
            _ = Task.Run(precompiled.Load);
        }

        var connectionString = ConnectionString(builder.Configuration, options.Provider, builder.Environment.ContentRootPath);
        builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));

        // Pooling as EF Core's multi-tenancy guidance describes: a pooled factory, wrapped by a scoped factory that
        // hands each rented context the scope's tenant. Measured here: pooling ~1.4x the throughput of AddDbContext.
        // Modules may watch saves (IInterceptor singletons, e.g. Identity dropping cached access when access rows change).
        builder.Services.AddPooledDbContextFactory<DerrimutDbContext>((sp, db) =>
        {
            Configure(db, options.Provider, connectionString, modules.Modules, precompiled?.Load());
            db.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        builder.Services.AddScoped<TenantAwareDbContextFactory>();
        builder.Services.AddScoped(sp => sp.GetRequiredService<TenantAwareDbContextFactory>().CreateDbContext());
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddScoped<DataSeeder>();
        var keyRingModel = options.UsePrecompiledModel ? PrecompiledModel.FindKeyRing(precompiledModels, options.Provider) : null;
        DataProtectionKeys.Add(builder.Services, builder.Configuration, db => ConfigureKeyRing(db, options.Provider, connectionString, keyRingModel?.Load()));
    }

    /// <summary>
    /// Configures the key ring's own context (<see cref="DataProtectionKeysContext"/>) for a provider; also used by the
    /// design-time factory that precompiles its model. With a precompiled model a starting node skips EF Core's
    /// conventions altogether (decision 0089): the modules' model is precompiled too, so they would run for this one
    /// entity alone.
    /// </summary>
    public static void ConfigureKeyRing(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString, IModel? precompiledModel = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        UseProvider(db, provider, connectionString);
        if (precompiledModel is not null)
        {
            db.UseModel(precompiledModel);
        }
    }

    /// <summary>
    /// Configures a context for a provider; also used by the design-time factory and tests. With a precompiled
    /// model the context uses it instead of building one from the modules; <paramref name="withoutDataFilters"/> is
    /// for the design-time build that is to be precompiled (decision 0088).
    /// </summary>
    public static void Configure(
        DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString, IReadOnlyList<DerrimutModule> modules,
        IModel? precompiledModel = null, bool withoutDataFilters = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        UseProvider(db, provider, connectionString);
        if (precompiledModel is not null)
        {
            db.UseModel(precompiledModel);
        }

        ((IDbContextOptionsBuilderInfrastructure)db).AddOrUpdateExtension(new ModuleModelExtension(modules, withoutDataFilters));
    }

    /// <summary>The provider and its connection, for any of our contexts (the modules' and the key ring's).</summary>
    internal static void UseProvider(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        var assembly = DatabaseOptions.MigrationsAssembly(provider);
        // A failed command's own line carries its SQL but not its exception, so nothing can tell a unique index's
        // expected refusal (how the modules settle races) from a fault; at Error it would be a false alarm on every
        // refused double booking. It is Debug: the failure is still logged once at Error with its exception, by the
        // failed save's or query's line, or as the unhandled exception it becomes (decision 0090). EF Core's own
        // failed-save line is Debug too, because it renders the exception before anything can ask what it is; the
        // interceptor writes it instead, for every failure but a unique index's refusal (decision 0102).
        db.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        db.AddInterceptors(FailedSaveLog.Instance);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                db.UseSqlite(connectionString, o => o.MigrationsAssembly(assembly));
                break;
            case DatabaseProvider.PostgreSql:
                db.UseNpgsql(connectionString, o => o.MigrationsAssembly(assembly));
                break;
            case DatabaseProvider.SqlServer:
                db.UseSqlServer(connectionString, o => o.MigrationsAssembly(assembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    /// <summary>The configured connection string, or the embedded database's when none is.</summary>
    internal static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, string contentRoot) =>
        configuration.GetConnectionString(ConnectionStringName) ?? DefaultConnectionString(provider, contentRoot);

    /// <summary>Where the embedded database lives when no connection string is configured.</summary>
    public static string DefaultConnectionString(DatabaseProvider provider, string contentRoot)
    {
        if (provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required for {provider}.");
        }

        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "derrimut.db")}";
    }
}

/// <summary>Rents a context from the pool and gives it this scope's tenant and clock.</summary>
internal sealed class TenantAwareDbContextFactory(IDbContextFactory<DerrimutDbContext> pool, ICurrentTenant tenant, TimeProvider time)
{
    public DerrimutDbContext CreateDbContext()
    {
        var context = pool.CreateDbContext();
        context.Ambient = new DbContextAmbient(tenant, time);
        return context;
    }
}
