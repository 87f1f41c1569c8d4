using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.BuildingBlocks.Caching;

/// <summary>
/// The JSON shapes of what a module keeps in <see cref="HybridCache"/>, generated at build time. HybridCache writes every
/// entry as JSON, even one kept only in this node's memory (it measures the entry against its size limit that way), and
/// without a generated shape it builds the type's JSON shape by reflection the first time: on a starting node that was the
/// first request's (and the warm-up's tenant lookups') work for every cached type (decision 0094). The shapes use the
/// default JSON settings HybridCache itself uses, so an entry reads and writes exactly as before — one written to Redis
/// by a node of the previous version still reads. A type no context lists falls back to HybridCache's own JSON.
/// </summary>
public static class CacheJson
{
    public static IServiceCollection AddCacheJson(this IServiceCollection services, JsonSerializerContext context) =>
        services.AddSingleton(new CacheJsonShapes(context));
}

/// <summary>One module's generated shapes for its cache entries (<see cref="CacheJson.AddCacheJson"/>).</summary>
public sealed class CacheJsonShapes(JsonSerializerContext context)
{
    public JsonSerializerContext Context { get; } = context;
}

/// <summary>Hands HybridCache a serializer over a generated shape when a module's context lists the entry's type.</summary>
public sealed class GeneratedCacheJsonFactory(IEnumerable<CacheJsonShapes> shapes) : IHybridCacheSerializerFactory
{
    private readonly CacheJsonShapes[] _shapes = [.. shapes];

    public bool TryCreateSerializer<T>([NotNullWhen(true)] out IHybridCacheSerializer<T>? serializer)
    {
        foreach (var shape in _shapes)
        {
            if (shape.Context.GetTypeInfo(typeof(T)) is JsonTypeInfo<T> typeInfo)
            {
                serializer = new GeneratedCacheJsonSerializer<T>(typeInfo);
                return true;
            }
        }

        serializer = null;
        return false;
    }
}

/// <summary>HybridCache's JSON for one entry type, through its generated shape.</summary>
public sealed class GeneratedCacheJsonSerializer<T>(JsonTypeInfo<T> typeInfo) : IHybridCacheSerializer<T>
{
    public T Deserialize(ReadOnlySequence<byte> source)
    {
        var reader = new Utf8JsonReader(source);
        return JsonSerializer.Deserialize(ref reader, typeInfo)!;
    }

    public void Serialize(T value, IBufferWriter<byte> target)
    {
        using var writer = new Utf8JsonWriter(target);
        JsonSerializer.Serialize(writer, value, typeInfo);
    }
}
