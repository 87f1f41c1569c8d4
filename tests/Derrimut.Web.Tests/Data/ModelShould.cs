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
        var tenants = await scope.ServiceProvider.GetRequiredService<ITenantStore>().ListAsync(TestContext.Current.CancellationToken);
        tenants.Count.ShouldBe(7);
        tenants.Count(t => t.Kind == TenantKind.Location).ShouldBe(5);
        tenants.Single(t => t.Identifier == "coburg").FranchiseId.ShouldBe(tenants.Single(t => t.Identifier == "northside").Id);
    }
}

public sealed class MigrationsOnSqliteShould() : MigrationsShould(DatabaseProvider.Sqlite);

public sealed class MigrationsOnPostgreSqlShould() : MigrationsShould(DatabaseProvider.PostgreSql);
