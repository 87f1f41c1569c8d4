using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// A list read and written whole with its row, kept in one JSON text column so it is identical on every provider
/// (opening hours, roles, payslip lines). The converter and comparer call public static methods only: EF Core's
/// compiled model turns them into C#, and it cannot reach a module's private serializer options (decision 0088).
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the list as JSON text, compared item by item for change tracking.</summary>
    public static PropertyBuilder<List<T>> StoredAsJson<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            v => Write(v),
            v => Read<T>(v),
            new ValueComparer<List<T>>((a, b) => SameItems(a, b), v => HashItems(v), v => Copy(v)));

    /// <summary>The column's text for a list.</summary>
    public static string Write<T>(List<T> items) => JsonSerializer.Serialize(items, Options);

    /// <summary>The list a column's text holds; an empty list for a JSON null.</summary>
    public static List<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];

    /// <summary>True when both lists hold equal items in the same order.</summary>
    public static bool SameItems<T>(List<T>? a, List<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    /// <summary>A hash over the items in order (string hashes are ordinal).</summary>
    public static int HashItems<T>(List<T> items) => items.Aggregate(0, (h, x) => HashCode.Combine(h, x));

    /// <summary>A copy the change tracker keeps as the original value.</summary>
    public static List<T> Copy<T>(List<T> items) => [.. items];
}
