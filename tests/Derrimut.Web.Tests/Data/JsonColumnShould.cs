using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Derrimut.Web.Tests.Data;

/// <summary>
/// Lists kept in a JSON column (opening hours, roles, payslip lines) are read and written through shapes generated at
/// build time once their module has registered (decision 0096), and the text is what the web settings' reflection
/// serialiser writes, byte for byte, so rows written before read the same. A new column type its module does not hand
/// to <see cref="JsonColumn.UseShape{T}"/> fails here, by name.
/// </summary>
public sealed class JsonColumnShould(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public void HaveAGeneratedShapeForEveryColumnsItems()
    {
        var itemTypes = ColumnItemTypes();
        itemTypes.Select(t => t.Name).ShouldContain("DailyHours");

        itemTypes.Where(t => !JsonColumn.HasShape(t)).Select(t => t.FullName).Order(StringComparer.Ordinal).ToArray()
            .ShouldBeEmpty("hand these to JsonColumn.UseShape in their module's ConfigureServices");
    }

    [Fact]
    public void WriteTheSameTextAsTheWebSettings()
    {
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        foreach (var item in ColumnItemTypes())
        {
            var listType = typeof(List<>).MakeGenericType(item);
            var sample = SampleValues.Of(listType);
            var expected = JsonSerializer.Serialize(sample, listType, web);

            var written = (string)Column(nameof(JsonColumn.Write), item).Invoke(null, [sample])!;
            written.ShouldBe(expected, item.Name);

            var read = Column(nameof(JsonColumn.Read), item).Invoke(null, [written]);
            JsonSerializer.Serialize(read, listType, web).ShouldBe(expected, item.Name);
        }
    }

    private static MethodInfo Column(string name, Type item) =>
        typeof(JsonColumn).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.MakeGenericMethod(item);

    /// <summary>The item types of every <c>List&lt;T&gt;</c> stored as JSON text in the app's model.</summary>
    private HashSet<Type> ColumnItemTypes()
    {
        using var scope = fixture.App.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<DerrimutDbContext>().Model;
        return model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(IsJsonList)
            .Select(p => p.ClrType.GenericTypeArguments[0])
            .ToHashSet();
    }

    private static bool IsJsonList(IProperty property) =>
        property.ClrType.IsGenericType && property.ClrType.GetGenericTypeDefinition() == typeof(List<>)
        && property.GetValueConverter() is { ProviderClrType: var provider } && provider == typeof(string);
}
