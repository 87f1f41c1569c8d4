using Derrimut.CompiledModels;
using Derrimut.Hosting;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Derrimut.Web.Tests.Data;

/// <summary>
/// The ReadyToRun composite has code for EF Core's enum-to-string converter of an enum column only when
/// <see cref="EnumColumnConverters"/> names its type (decision 0097); a column added without it costs every start the
/// JIT compilation of its converter. This is what tells whoever adds one.
/// </summary>
public sealed class EnumColumnConvertersShould
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.SqlServer)]
    public void NameEveryEnumStoredAsText(DatabaseProvider provider)
    {
        var enumsAsText = EnumsStoredAsText(provider);

        enumsAsText.ShouldNotBeEmpty();
        enumsAsText.Except(EnumColumnConverters.Named).Select(t => t.FullName).ShouldBeEmpty(
            "add these enum types to EnumColumnConverters (src/Derrimut.CompiledModels)");
    }

    [Fact]
    public void NameNoTypeThatNoColumnUses()
    {
        EnumColumnConverters.Named.ShouldBeUnique();
        var used = DerrimutModules.PrecompiledModels
            .Select(m => m.Provider).Distinct()
            .SelectMany(EnumsStoredAsText)
            .ToHashSet();

        EnumColumnConverters.Named.Except(used).Select(t => t.FullName).ShouldBeEmpty("no enum column stores these as text any more");
    }

    /// <summary>The enum types the provider's precompiled model of the modules stores as text.</summary>
    private static List<Type> EnumsStoredAsText(DatabaseProvider provider)
    {
        var precompiled = PrecompiledModel.Find(DerrimutModules.PrecompiledModels, provider, DerrimutModules.Create());
        precompiled.ShouldNotBeNull($"no precompiled {provider} model: run etc/compiled-models.sh");
        return EnumsStoredAsText(precompiled.Load());
    }

    private static List<Type> EnumsStoredAsText(IModel model) =>
    [
        .. model.GetEntityTypes()
            .SelectMany(e => e.GetProperties())
            .Where(p => p.GetProviderClrType() == typeof(string))
            .Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)
            .Where(t => t.IsEnum)
            .Distinct(),
    ];
}
