using System.Buffers;
using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using Derrimut.BuildingBlocks.Caching;
using Microsoft.Extensions.Caching.Hybrid;

namespace Derrimut.Web.Tests.Caching;

/// <summary>
/// What the app keeps in HybridCache is written through JSON shapes generated at build time, not built by reflection on
/// a node's first requests (decision 0094), and the JSON is HybridCache's own, byte for byte, so an entry written to Redis
/// by a node of the previous version still reads during a rolling deploy. A new cached type its module's
/// <c>*CacheJson</c> does not list fails here, by name.
/// </summary>
public sealed class CacheJsonShould(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public void GiveEveryCachedTypeItsGeneratedShape()
    {
        var factory = Factory();
        var cached = CachedTypes();
        cached.Count.ShouldBeGreaterThanOrEqualTo(6, "the tenant catalogue's, people's access, the dashboard's and three remembered answers when this test was written");

        var missing = cached.Where(t => !Serves(factory, t)).Select(t => t.FullName).Order(StringComparer.Ordinal).ToArray();

        missing.ShouldBeEmpty("add these to their module's *CacheJson context");
    }

    [Fact]
    public void WriteTheSameJsonAsHybridCachesOwnSerializer()
    {
        var gym = new TenantInfo(Guid.NewGuid(), "st-albans", "St Albans", TenantKind.Location, Guid.NewGuid(), TenantState.Active,
            "Australia/Melbourne", "AUD");
        Factory().TryCreateSerializer<TenantInfo?>(out var serializer).ShouldBeTrue();

        foreach (var entry in new[] { gym, null })
        {
            var written = new ArrayBufferWriter<byte>();
            serializer.Serialize(entry, written);

            // HybridCache's own serializer writes with the default JSON settings.
            written.WrittenSpan.ToArray().ShouldBe(JsonSerializer.SerializeToUtf8Bytes(entry, JsonSerializerOptions.Default));
            serializer.Deserialize(new ReadOnlySequence<byte>(written.WrittenMemory)).ShouldBe(entry);
        }
    }

    private GeneratedCacheJsonFactory Factory() =>
        fixture.App.Services.GetServices<IHybridCacheSerializerFactory>().OfType<GeneratedCacheJsonFactory>().ShouldHaveSingleItem();

    /// <summary>
    /// The entry types: every type marked immutable for HybridCache (the convention its cached entries follow, so one
    /// instance is handed out per hit), and the remembered answer of every node-memory cache.
    /// </summary>
    private static HashSet<Type> CachedTypes()
    {
        var types = new HashSet<Type>();
        foreach (var type in AppAssemblies.Loaded().SelectMany(a => a.GetTypes()))
        {
            if (!type.IsGenericTypeDefinition && type.GetCustomAttribute<ImmutableObjectAttribute>() is { Immutable: true })
            {
                types.Add(type);
            }

            if (!type.IsAbstract && type.IsSubclassOf(typeof(NodeMemoryCache)))
            {
                foreach (var read in type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == "GetOrReadAsync"))
                {
                    read.ReturnType.GetGenericTypeDefinition().ShouldBe(typeof(ValueTask<>));
                    types.Add(typeof(Remembered<>).MakeGenericType(read.ReturnType.GenericTypeArguments[0]));
                }
            }
        }

        return types;
    }

    private static bool Serves(GeneratedCacheJsonFactory factory, Type type)
    {
        object?[] arguments = [null];
        var served = (bool)typeof(GeneratedCacheJsonFactory).GetMethod(nameof(GeneratedCacheJsonFactory.TryCreateSerializer))!
            .MakeGenericMethod(type).Invoke(factory, arguments)!;
        return served && arguments[0]!.GetType().GetGenericTypeDefinition() == typeof(GeneratedCacheJsonSerializer<>);
    }
}
