using Derrimut.Hosting;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Derrimut.Web.Tests.Data;

/// <summary>Checks on the composed EF model and the migrations of every provider.</summary>
public sealed class ModelShould
{
    /// <summary>Every unique index on an owned entity must include the owner column, or one gym's data blocks another's.</summary>
    internal static IReadOnlyList<string> UniqueIndexesMissingTheirOwner(IModel model)
    {
        var problems = new List<string>();
        foreach (var entity in model.GetEntityTypes())
        {
            var owner = typeof(ILocationOwned).IsAssignableFrom(entity.ClrType) ? nameof(ILocationOwned.TenantId)
                : typeof(IFranchiseOwned).IsAssignableFrom(entity.ClrType) ? nameof(IFranchiseOwned.FranchiseId)
                : null;
            if (owner is null)
            {
                continue;
            }

            // A one-to-one link's own index (the dependent's foreign key to an owned row's id) is unique because that id
            // is: it cannot collide across tenants, so it is not the natural key this rule is about.
            foreach (var index in entity.GetIndexes().Where(i => i.IsUnique && i.Properties.All(p => p.Name != owner) && !IsOneToOneLinkToAnOwnedRow(i)))
            {
                problems.Add($"{entity.ClrType.Name}: unique index ({string.Join(", ", index.Properties.Select(p => p.Name))}) lacks {owner}");
            }
        }

        return problems;
    }

    private static bool IsOneToOneLinkToAnOwnedRow(IIndex index) =>
        index.DeclaringEntityType.GetForeignKeys().Any(fk =>
            fk.IsUnique
            && fk.Properties.SequenceEqual(index.Properties)
            && fk.PrincipalKey.IsPrimaryKey()
            && (typeof(ILocationOwned).IsAssignableFrom(fk.PrincipalEntityType.ClrType) || typeof(IFranchiseOwned).IsAssignableFrom(fk.PrincipalEntityType.ClrType)));

    private static DerrimutDbContext DesignContext(DatabaseProvider provider, string connectionString, params Derrimut.BuildingBlocks.Modularity.DerrimutModule[] extra)
    {
        var options = new DbContextOptionsBuilder<DerrimutDbContext>();
        DataRegistration.Configure(options, provider, connectionString, [.. DerrimutModules.Create(), .. extra]);
        return new DerrimutDbContext(options.Options);
    }

    [Fact]
    public void IncludeTheOwnerInEveryUniqueIndexOfOwnedEntities()
    {
        using var db = DesignContext(DatabaseProvider.Sqlite, "Data Source=:memory:", new IsolationProbeModule());
        UniqueIndexesMissingTheirOwner(db.Model).ShouldBeEmpty();
    }

    [Fact]
    public void CatchAUniqueIndexThatForgetsTheOwner()
    {
        using var db = DesignContext(DatabaseProvider.Sqlite, "Data Source=:memory:", new BadIndexProbeModule());
        UniqueIndexesMissingTheirOwner(db.Model).ShouldHaveSingleItem().ShouldContain("ProbeNote");
    }

    [Fact]
    public void PutEachModuleInItsOwnSchemaOrPrefixOnSqlite()
    {
        using var postgres = DesignContext(DatabaseProvider.PostgreSql, "Host=127.0.0.1");
        using var sqlite = DesignContext(DatabaseProvider.Sqlite, "Data Source=:memory:");
        foreach (var entity in postgres.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            entity.GetSchema().ShouldNotBeNullOrEmpty(entity.Name);
        }

        sqlite.Model.GetEntityTypes().Where(e => e.GetTableName() is not null)
            .ShouldAllBe(e => e.GetSchema() == null && e.GetTableName()!.Contains('_'));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused")]
    [InlineData(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;TrustServerCertificate=true")]
    public void HaveMigrationsThatMatchTheModel(DatabaseProvider provider, string connectionString)
    {
        using var db = DesignContext(provider, connectionString);
        db.Database.GetMigrations().ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse($"run etc/migrations-add.sh: the {provider} migrations lag the model");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused")]
    [InlineData(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;TrustServerCertificate=true")]
    public void MapTheKeyRingOntoTheTableTheMigrationsCreate(DatabaseProvider provider, string connectionString)
    {
        // The key ring reads and writes through a small context of its own that is never migrated (decision 0087): its
        // one entity must be the migrated model's, table, columns, types and all.
        using var migrated = DesignContext(provider, connectionString);
        var options = new DbContextOptionsBuilder<DataProtectionKeysContext>();
        DataRegistration.UseProvider(options, provider, connectionString);
        using var keyRing = new DataProtectionKeysContext(options.Options);

        var key = typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey);
        keyRing.Model.GetEntityTypes().ShouldHaveSingleItem().ClrType.ShouldBe(key);
        Table(keyRing.GetService<IDesignTimeModel>().Model, key).ShouldBe(Table(migrated.GetService<IDesignTimeModel>().Model, key));
    }

    /// <summary>The table an entity is stored in, with every column's name, store type, nullability and identity.</summary>
    private static string Table(IModel model, Type entity)
    {
        var table = model.GetRelationalModel().Tables.Single(t => t.EntityTypeMappings.Any(m => m.TypeBase.ClrType == entity));
        return $"{table.Schema}.{table.Name}: " + string.Join(", ", table.Columns.Select(c =>
            $"{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")} {string.Join(' ', c.GetAnnotations().Select(a => $"{a.Name}={a.Value}"))}"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused")]
    [InlineData(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;TrustServerCertificate=true")]
    public void PrecompileTheModelTheModulesBuild(DatabaseProvider provider, string connectionString)
    {
        // A node loads the precompiled model instead of building this one (decision 0088): every entity, property,
        // key, index, relationship, table mapping and data filter must be the same, or the script was not re-run.
        using var built = DesignContext(provider, connectionString);
        var precompiled = PrecompiledModel.Find(DerrimutModules.PrecompiledModels, provider, DerrimutModules.Create());
        precompiled.ShouldNotBeNull($"no precompiled {provider} model: run etc/compiled-models.sh");
        var options = new DbContextOptionsBuilder<DerrimutDbContext>();
        DataRegistration.Configure(options, provider, connectionString, DerrimutModules.Create(), precompiled.Load());
        using var loaded = new DerrimutDbContext(options.Options);

        const string stale = "run etc/compiled-models.sh: the precompiled model lags the model";
        loaded.Model.ShouldBeSameAs(precompiled.Load());
        Differences(Describe(built.Model), Describe(loaded.Model)).ShouldBeEmpty(stale);
        Differences(DataFilters(built.Model), DataFilters(loaded.Model)).ShouldBeEmpty(stale);
        Differences(Tables(built.Model), Tables(loaded.Model)).ShouldBeEmpty(stale);
        DataFilters(loaded.Model).Count.ShouldBeGreaterThan(50);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=unused")]
    [InlineData(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;TrustServerCertificate=true")]
    public void PrecompileTheKeyRingsModelAsItIsBuilt(DatabaseProvider provider, string connectionString)
    {
        // A node loads the key ring's precompiled model too (decision 0089); it must be the one its context builds,
        // which MapTheKeyRingOntoTheTableTheMigrationsCreate proves is the migrated table.
        var built = new DbContextOptionsBuilder<DataProtectionKeysContext>();
        DataRegistration.ConfigureKeyRing(built, provider, connectionString);
        using var builtContext = new DataProtectionKeysContext(built.Options);
        var precompiled = PrecompiledModel.FindKeyRing(DerrimutModules.PrecompiledModels, provider);
        precompiled.ShouldNotBeNull($"no precompiled {provider} key ring model: run etc/compiled-models.sh");
        var options = new DbContextOptionsBuilder<DataProtectionKeysContext>();
        DataRegistration.ConfigureKeyRing(options, provider, connectionString, precompiled.Load());
        using var loaded = new DataProtectionKeysContext(options.Options);

        const string stale = "run etc/compiled-models.sh: the key ring's precompiled model lags its context";
        loaded.Model.ShouldBeSameAs(precompiled.Load());
        Differences(Describe(builtContext.Model), Describe(loaded.Model)).ShouldBeEmpty(stale);
        Differences(Tables(builtContext.Model), Tables(loaded.Model)).ShouldBeEmpty(stale);
        Describe(loaded.Model).ShouldNotBeEmpty();
    }

    /// <summary>The lines only one side has: "- " the model built from the modules, "+ " the precompiled one.</summary>
    private static List<string> Differences(List<string> built, List<string> precompiled) =>
        [.. built.Except(precompiled).Select(l => "- " + l), .. precompiled.Except(built).Select(l => "+ " + l)];

    /// <summary>What a query, a save and change tracking rely on, entity by entity (the read-optimised model keeps no debug view).</summary>
    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e => (IEnumerable<string>)
        [
            $"{e.Name} {e.ClrType} base={e.BaseType?.Name} owned={e.IsOwned()} table={e.GetSchema()}.{e.GetTableName()} view={e.GetViewName()} tracking={e.GetChangeTrackingStrategy()}",
            .. e.GetProperties().Select(p =>
                $"  {p.Name} {p.ClrType} null={p.IsNullable} column={p.GetColumnName()} type={p.GetColumnType()} max={p.GetMaxLength()} precision={p.GetPrecision()},{p.GetScale()} "
                + $"generated={p.ValueGenerated} concurrency={p.IsConcurrencyToken} shadow={p.IsShadowProperty()} field={p.FieldInfo?.Name} "
                + $"converter={p.GetValueConverter()?.GetType()} provider={p.GetProviderClrType()} comparer={p.GetValueComparer().GetType()} "
                + $"sentinel={p.Sentinel} default={p.GetDefaultValueSql()}|{p.GetDefaultValue()} computed={p.GetComputedColumnSql()}"),
            .. e.GetKeys().Select(k => $"  key ({Names(k.Properties)}) primary={k.IsPrimaryKey()}"),
            .. e.GetIndexes().Select(i => $"  index {i.GetDatabaseName()} ({Names(i.Properties)}) unique={i.IsUnique} filter={i.GetFilter()}"),
            .. e.GetForeignKeys().Select(f =>
                $"  fk ({Names(f.Properties)}) -> {f.PrincipalEntityType.Name} ({Names(f.PrincipalKey.Properties)}) unique={f.IsUnique} required={f.IsRequired} delete={f.DeleteBehavior} ownership={f.IsOwnership}"),
            .. e.GetNavigations().Select(n => $"  navigation {n.Name} -> {n.TargetEntityType.Name} collection={n.IsCollection} field={n.FieldInfo?.Name}"),
            .. e.GetSkipNavigations().Select(n => $"  skip {n.Name} -> {n.TargetEntityType.Name}"),
            .. e.GetComplexProperties().Select(c => $"  complex {c.Name} {c.ClrType}"),
        ]),
    ];

    /// <summary>The tables queries and saves are sent to: columns, keys, indexes and foreign keys.</summary>
    private static List<string> Tables(IModel model) =>
    [
        .. model.GetRelationalModel().Tables.OrderBy(t => $"{t.Schema}.{t.Name}", StringComparer.Ordinal).SelectMany(t => (IEnumerable<string>)
        [
            $"{t.Schema}.{t.Name} key=({string.Join(", ", t.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})",
            .. t.Columns.Select(c => $"  {c.Name} {c.StoreType} null={c.IsNullable}"),
            .. t.Indexes.Select(i => $"  index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) unique={i.IsUnique} filter={i.Filter}"),
            .. t.UniqueConstraints.Select(u => $"  unique {u.Name} ({string.Join(", ", u.Columns.Select(c => c.Name))})"),
            .. t.ForeignKeyConstraints.Select(f => $"  fk {f.Name} -> {f.PrincipalTable.Name} ({string.Join(", ", f.Columns.Select(c => c.Name))}) {f.OnDeleteAction}"),
        ]),
    ];

    private static string Names(IEnumerable<IReadOnlyProperty> properties) => string.Join(", ", properties.Select(p => p.Name));

    private static List<string> DataFilters(IModel model) =>
        [.. model.GetEntityTypes().SelectMany(e => e.GetDeclaredQueryFilters().Select(f => $"{e.Name} {f.Key}: {f.Expression}"))];

    [Fact]
    public void GenerateTheSqlServerCreateScriptWithoutAServer()
    {
        using var db = DesignContext(DatabaseProvider.SqlServer, "Server=127.0.0.1;Database=unused;TrustServerCertificate=true");
        var script = db.Database.GenerateCreateScript();
        script.ShouldContain("CREATE TABLE [organizations].[organizations]");
        script.ShouldContain("CREATE UNIQUE INDEX [IX_organizations_Identifier]");
    }
}

/// <summary>Migrations apply cleanly on a real database, twice (idempotent), on every provider we can run here.</summary>
public abstract class MigrationsShould(DatabaseProvider provider)
{
    [Fact]
    public async Task ApplyCleanlyAndIdempotentlyWithTheDemoSeed()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new DerrimutWebFactory(database);
        await app.Services.PrepareDatabaseAsync(includeDemoData: true, maxParallelism: 2);
        await app.Services.PrepareDatabaseAsync(includeDemoData: true, maxParallelism: 2);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DerrimutDbContext>();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        // The web host runs on the precompiled model (decision 0088), so every test through it, the cross-tenant
        // ones among them, exercises that model and the data filters it puts back.
        db.Model.ShouldBeSameAs(PrecompiledModel.Find(DerrimutModules.PrecompiledModels, provider, DerrimutModules.Create())!.Load());
        // So does the key ring's own context (decision 0089), which every cookie and antiforgery token is read through:
        // these tests sign in, so they read and write the ring through that precompiled model.
        scope.ServiceProvider.GetRequiredService<DataProtectionKeysContext>().Model
            .ShouldBeSameAs(PrecompiledModel.FindKeyRing(DerrimutModules.PrecompiledModels, provider)!.Load());
        var tenants = await scope.ServiceProvider.GetRequiredService<ITenantStore>().ListAsync(TestContext.Current.CancellationToken);
        tenants.Count.ShouldBe(7);
        tenants.Count(t => t.Kind == TenantKind.Location).ShouldBe(5);
        tenants.Single(t => t.Identifier == "coburg").FranchiseId.ShouldBe(tenants.Single(t => t.Identifier == "northside").Id);
    }
}

public sealed class MigrationsOnSqliteShould() : MigrationsShould(DatabaseProvider.Sqlite);

public sealed class MigrationsOnPostgreSqlShould() : MigrationsShould(DatabaseProvider.PostgreSql);
