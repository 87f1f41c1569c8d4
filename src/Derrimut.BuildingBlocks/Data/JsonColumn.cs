using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// A list read and written whole with its row, kept in one JSON text column so it is identical on every provider
/// (opening hours, roles, payslip lines). The converter and comparer call public static methods only: EF Core's
/// compiled model turns them into C#, and it cannot reach a module's private serializer options (decision 0088).
/// A column's items are written through a JSON shape generated at build time when the module that owns them has handed
/// one over (<see cref="UseShape{T}"/>, decision 0096), so reading a gym's opening hours on a starting node builds no shape
/// by reflection; the shapes have the same web settings, so the text is the same either way.
/// </summary>
public static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    // The kernel's own item types, used by several modules' columns (roles, amenities, ids).
    static JsonColumn()
    {
        UseShape(DataColumnJson.Default.ListString);
        UseShape(DataColumnJson.Default.ListGuid);
    }

    /// <summary>
    /// Reads and writes columns of <typeparamref name="T"/> through <paramref name="shape"/> (generated with
    /// <see cref="JsonSerializerDefaults.Web"/>). A module calls it while registering its services: the compiled model
    /// calls <see cref="Read{T}"/> and <see cref="Write{T}"/> directly, so no service can be asked.
    /// </summary>
    public static void UseShape<T>(JsonTypeInfo<List<T>> shape) => Shape<T>.Generated = shape;

    /// <summary>Whether columns of <paramref name="itemType"/> have a generated shape (for the tests).</summary>
    internal static bool HasShape(Type itemType) =>
        typeof(Shape<>).MakeGenericType(itemType).GetField(nameof(Shape<int>.Generated))!.GetValue(null) is not null;

    /// <summary>Stores the list as JSON text, compared item by item for change tracking.</summary>
    public static PropertyBuilder<List<T>> StoredAsJson<T>(this PropertyBuilder<List<T>> property) =>
        property.HasConversion(
            v => Write(v),
            v => Read<T>(v),
            new ValueComparer<List<T>>((a, b) => SameItems(a, b), v => HashItems(v), v => Copy(v)));

    /// <summary>The column's text for a list.</summary>
    public static string Write<T>(List<T> items) =>
        Shape<T>.Generated is { } shape ? JsonSerializer.Serialize(items, shape) : JsonSerializer.Serialize(items, Options);

    /// <summary>The list a column's text holds; an empty list for a JSON null.</summary>
    public static List<T> Read<T>(string json) =>
        (Shape<T>.Generated is { } shape ? JsonSerializer.Deserialize(json, shape) : JsonSerializer.Deserialize<List<T>>(json, Options)) ?? [];

    /// <summary>True when both lists hold equal items in the same order.</summary>
    public static bool SameItems<T>(List<T>? a, List<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    /// <summary>A hash over the items in order (string hashes are ordinal).</summary>
    public static int HashItems<T>(List<T> items) => items.Aggregate(0, (h, x) => HashCode.Combine(h, x));

    /// <summary>A copy the change tracker keeps as the original value.</summary>
    public static List<T> Copy<T>(List<T> items) => [.. items];

    // One slot per item type: set once at start-up, read on every row. A reader that sees it still empty falls back to
    // the reflection options, which write and read the same text.
    private static class Shape<T>
    {
        public static JsonTypeInfo<List<T>>? Generated;
    }
}

/// <summary>The generated shapes of the kernel's own column item types.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<Guid>))]
internal sealed partial class DataColumnJson : JsonSerializerContext;
