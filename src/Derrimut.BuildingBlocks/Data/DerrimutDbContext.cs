using System.Linq.Expressions;
using System.Reflection;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// The one unit of work. Its model is composed from the modules' contributions, each module in its own schema
/// (a table-name prefix on SQLite), so one transaction can span modules. Instances are pooled: the tenant is not
/// a constructor argument but an ambient assigned on every rent, and the named query filters read it through
/// instance properties at query time — never a captured constant.
/// </summary>
public class DerrimutDbContext : DbContext
{
    internal const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";
    private readonly IReadOnlyList<DerrimutModule> _modules;
    private readonly bool _withoutDataFilters;

    /// <summary>Created by the pooled factory; the modules come from <see cref="ModuleModelExtension"/>.</summary>
    public DerrimutDbContext(DbContextOptions<DerrimutDbContext> options)
        : base(options)
    {
        var extension = options.FindExtension<ModuleModelExtension>();
        _modules = extension?.Modules ?? [];
        _withoutDataFilters = extension?.WithoutDataFilters ?? false;
    }

    /// <summary>The scope this context serves; assigned when rented from the pool, cleared when it goes back.</summary>
    internal DbContextAmbient? Ambient { get; set; }

    /// <summary>
    /// A pooled context is returned to the pool by disposing it: forget the scope first, so a context rented later
    /// without one (straight from the pool) sees no tenant's rows and writes none, instead of the last user's
    /// (<c>PooledContextsShould</c>). EF Core resets the change tracker itself.
    /// </summary>
    public override void Dispose()
    {
        Ambient = null;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        Ambient = null;
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    /// <summary>Filter parameter: the current location's id, null in franchise or platform scope.</summary>
    protected Guid? CurrentLocationId => Ambient?.Tenant.Tenant is { Kind: TenantKind.Location } t ? t.Id : null;

    /// <summary>Filter parameter: the current franchise (a location's parent, or the franchise itself).</summary>
    protected Guid? CurrentFranchiseId => Ambient?.Tenant.Tenant?.FranchiseId;

    /// <summary>True when this context runs on SQLite (tables get a module prefix instead of a schema).</summary>
    public bool IsSqlite => Database.ProviderName == SqliteProviderName;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (IsSqlite)
        {
            // SQLite has no date-time-offset type and EF cannot compare or order the text form; all our instants
            // are UTC, so store them as sortable binary ticks.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        foreach (var module in _modules)
        {
            module.ConfigureModel(modelBuilder);
        }

        DataProtectionKeys.ConfigureModel(modelBuilder);
        Http.IdempotencyKeys.ConfigureModel(modelBuilder);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()).ToList())
        {
            ApplyOwnership(modelBuilder, entityType);
        }

        if (IsSqlite)
        {
            PrefixTablesWithSchema(modelBuilder);
        }
    }

    private void ApplyOwnership(ModelBuilder modelBuilder, IMutableEntityType entityType)
    {
        var clrType = entityType.ClrType;
        var builder = modelBuilder.Entity(clrType);
        if (typeof(ILocationOwned).IsAssignableFrom(clrType))
        {
            builder.HasIndex(nameof(ILocationOwned.TenantId));
        }
        else if (typeof(IFranchiseOwned).IsAssignableFrom(clrType))
        {
            builder.HasIndex(nameof(IFranchiseOwned.FranchiseId));
        }

        // A model built to be precompiled leaves the filters out: EF Core's generator refuses them, and the
        // precompiled model adds these same expressions back as it loads (decision 0088).
        if (!_withoutDataFilters)
        {
            foreach (var (name, filter) in DataFiltersFor(clrType))
            {
                builder.HasQueryFilter(name, filter);
            }
        }

        if (typeof(IVersioned).IsAssignableFrom(clrType))
        {
            builder.Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    /// <summary>
    /// The named query filters a root entity type gets from the ownership interfaces it implements: the tenant's
    /// rows only, and no soft-deleted rows. One definition for the model built at start and the precompiled one.
    /// The filters read the context through a typed null: when EF Core applies a filter it swaps every expression of
    /// the context's type for the context running the query, so the tenant is read at each execution, never captured.
    /// </summary>
    public static IReadOnlyList<(string Name, LambdaExpression Filter)> DataFiltersFor(Type entityClrType)
    {
        ArgumentNullException.ThrowIfNull(entityClrType);
        var filters = new List<(string, LambdaExpression)>(2);
        var row = Expression.Parameter(entityClrType, "e");
        var context = Expression.Constant(null, typeof(DerrimutDbContext));
        if (typeof(ILocationOwned).IsAssignableFrom(entityClrType))
        {
            filters.Add((DataFilters.Tenant, OwnedBy(row, nameof(ILocationOwned.TenantId), context, nameof(CurrentLocationId))));
        }
        else if (typeof(IFranchiseOwned).IsAssignableFrom(entityClrType))
        {
            filters.Add((DataFilters.Tenant, OwnedBy(row, nameof(IFranchiseOwned.FranchiseId), context, nameof(CurrentFranchiseId))));
        }

        if (typeof(ISoftDeletable).IsAssignableFrom(entityClrType))
        {
            filters.Add((DataFilters.SoftDelete, Expression.Lambda(Expression.Not(Expression.Property(row, nameof(ISoftDeletable.IsDeleted))), row)));
        }

        return filters;
    }

    // e => e.{owner} == context.{current}, the owner lifted to Guid? as C# lifts it.
    private static LambdaExpression OwnedBy(ParameterExpression row, string ownerProperty, Expression context, string currentProperty) =>
        Expression.Lambda(
            Expression.Equal(
                Expression.Convert(Expression.Property(row, ownerProperty), typeof(Guid?)),
                Expression.Property(context, typeof(DerrimutDbContext).GetProperty(currentProperty, BindingFlags.NonPublic | BindingFlags.Instance)!)),
            row);

    /// <summary>SQLite has no schemas: each table takes its module's schema as a prefix instead.</summary>
    internal static void PrefixTablesWithSchema(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            var schema = entityType.GetSchema();
            var table = entityType.GetTableName();
            if (schema is not null && table is not null && entityType.FindOwnership() is null)
            {
                entityType.SetTableName($"{schema}_{table}");
                entityType.SetSchema(null);
            }
        }
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ApplyWriteRules();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ApplyWriteRules();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Stamps owners and times, turns deletes of soft-deletable rows into updates, and refuses cross-tenant writes.</summary>
    private void ApplyWriteRules()
    {
        var tenant = Ambient?.Tenant.Tenant;
        var now = (Ambient?.Time ?? TimeProvider.System).GetUtcNow();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case ILocationOwned owned:
                    CheckLocationOwner(entry, owned, tenant);
                    break;
                case IFranchiseOwned owned:
                    CheckFranchiseOwner(entry, owned, tenant);
                    break;
            }

            if (entry.State == EntityState.Deleted && entry.Entity is ISoftDeletable soft)
            {
                entry.State = EntityState.Modified;
                soft.IsDeleted = true;
                soft.DeletedAt = now;
            }

            if (entry.Entity is IAuditable audited)
            {
                if (entry.State == EntityState.Added)
                {
                    audited.CreatedAt = now;
                }

                audited.UpdatedAt = now;
            }

            if (entry.State == EntityState.Modified && entry.Entity is IVersioned versioned)
            {
                versioned.Version++;
            }
        }
    }

    private static void CheckLocationOwner(EntityEntry entry, ILocationOwned owned, TenantInfo? tenant)
    {
        var name = entry.Metadata.ClrType.Name;
        if (tenant is not { Kind: TenantKind.Location })
        {
            throw new TenantOwnershipException($"{name} belongs to a location; it can only be written in that location's scope.");
        }

        if (entry.State == EntityState.Added)
        {
            if (owned.TenantId != Guid.Empty && owned.TenantId != tenant.Id)
            {
                throw new TenantOwnershipException($"Cannot create a {name} for another location.");
            }

            owned.TenantId = tenant.Id;
            owned.FranchiseId = tenant.FranchiseId;
            return;
        }

        var originalTenant = (Guid)entry.Property(nameof(ILocationOwned.TenantId)).OriginalValue!;
        var originalFranchise = (Guid)entry.Property(nameof(ILocationOwned.FranchiseId)).OriginalValue!;
        if (originalTenant != tenant.Id || owned.TenantId != tenant.Id || originalFranchise != owned.FranchiseId)
        {
            throw new TenantOwnershipException($"Cannot change or move a {name} owned by another location.");
        }
    }

    private static void CheckFranchiseOwner(EntityEntry entry, IFranchiseOwned owned, TenantInfo? tenant)
    {
        var name = entry.Metadata.ClrType.Name;
        if (tenant is not { Kind: TenantKind.Franchise })
        {
            throw new TenantOwnershipException($"{name} belongs to a franchise; it can only be written in the franchise's scope.");
        }

        if (entry.State == EntityState.Added)
        {
            if (owned.FranchiseId != Guid.Empty && owned.FranchiseId != tenant.Id)
            {
                throw new TenantOwnershipException($"Cannot create a {name} for another franchise.");
            }

            owned.FranchiseId = tenant.Id;
            return;
        }

        var original = (Guid)entry.Property(nameof(IFranchiseOwned.FranchiseId)).OriginalValue!;
        if (original != tenant.Id || owned.FranchiseId != tenant.Id)
        {
            throw new TenantOwnershipException($"Cannot change or move a {name} owned by another franchise.");
        }
    }
}

/// <summary>What a rented context needs from its DI scope.</summary>
internal sealed record DbContextAmbient(ICurrentTenant Tenant, TimeProvider Time);

/// <summary>Carries the module list into the pooled context's options, so the model is composed once.</summary>
internal sealed class ModuleModelExtension(IReadOnlyList<DerrimutModule> modules, bool withoutDataFilters = false) : IDbContextOptionsExtension
{
    public IReadOnlyList<DerrimutModule> Modules { get; } = modules;

    /// <summary>Set only by the design-time factory when it builds the model to be precompiled.</summary>
    public bool WithoutDataFilters { get; } = withoutDataFilters;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(ModuleModelExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string? _fragment;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => _fragment ??= "Modules=" + string.Join(',', extension.Modules.Select(m => m.Name))
            + (extension.WithoutDataFilters ? " WithoutDataFilters" : "") + " ";

        public override int GetServiceProviderHashCode() => LogFragment.GetHashCode(StringComparison.Ordinal);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo info && info.LogFragment == LogFragment;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) => debugInfo["Derrimut:Modules"] = LogFragment;
    }
}

