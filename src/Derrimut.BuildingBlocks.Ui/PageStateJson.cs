using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Derrimut.BuildingBlocks.Ui;

/// <summary>
/// What a page hands from its prerender to its interactive circuit (<c>[PersistentState]</c> properties) is written
/// through a JSON shape generated at build time (decision 0096). Without one, Blazor writes each type through
/// System.Text.Json's reflection resolver, which on a starting node builds the type's shape and emits a getter per
/// property on the first page that shows it — the public home page's gym profile among them. A module lists its pages'
/// state types in a context with Blazor's own settings (camel-case names, names read case-insensitively), so the bytes
/// in the page are the same as before and a page prerendered by the previous version still restores.
/// </summary>
public static class PageStateJson
{
    /// <summary>
    /// Persists every <c>[PersistentState]</c> property of type <typeparamref name="T"/> through <paramref name="shape"/>.
    /// The first registration of a type wins (a type shown by another module's page is registered by its owner).
    /// </summary>
    public static IServiceCollection AddPageStateJson<T>(this IServiceCollection services, JsonTypeInfo<T> shape)
    {
        services.TryAddSingleton<PersistentComponentStateSerializer<T>>(new GeneratedPageStateSerializer<T>(shape));
        return services;
    }
}

/// <summary>A page's persisted state of one type, through its generated shape.</summary>
public sealed class GeneratedPageStateSerializer<T>(JsonTypeInfo<T> shape) : PersistentComponentStateSerializer<T>
{
    public override void Persist(T value, IBufferWriter<byte> writer)
    {
        using var json = new Utf8JsonWriter(writer);
        JsonSerializer.Serialize(json, value, shape);
    }

    public override T Restore(ReadOnlySequence<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        return JsonSerializer.Deserialize(ref reader, shape)!;
    }
}
