using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Derrimut.BuildingBlocks.Ui;
using Microsoft.AspNetCore.Components;

namespace Derrimut.Web.Tests.Ui;

/// <summary>
/// What a page hands from its prerender to its circuit (<c>[PersistentState]</c>) is written through JSON shapes
/// generated at build time (decision 0096), and the JSON is Blazor's own, byte for byte, so a page prerendered by a node
/// of the previous version still restores during a rolling deploy. A new persisted property whose type no module's
/// <c>*PageStateJson</c> lists fails here, by name.
/// </summary>
public sealed class PageStateJsonShould(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public void GiveEveryPersistedPagePropertyItsGeneratedShape()
    {
        var persisted = PersistedTypes();
        persisted.Count.ShouldBeGreaterThanOrEqualTo(10, "the gym profile, the membership, the timetable and the dashboard among them when this test was written");

        var missing = persisted.Where(t => Serializer(t) is null).Select(t => t.FullName).Order(StringComparer.Ordinal).ToArray();

        missing.ShouldBeEmpty("add these to their module's *PageStateJson context and register them with AddPageStateJson");
    }

    [Fact]
    public void WriteTheSameJsonAsBlazorsOwnPersistence()
    {
        // Blazor's own settings for persisted state (internal to the framework): what PersistAsJson writes with.
        var blazorOptions = typeof(PersistentComponentState).Assembly
            .GetType("Microsoft.AspNetCore.Components.JsonSerializerOptionsProvider", throwOnError: true)!
            .GetField("Options", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null).ShouldBeOfType<JsonSerializerOptions>();
        // The settings every module's *PageStateJson context declares.
        blazorOptions.PropertyNamingPolicy.ShouldBe(JsonNamingPolicy.CamelCase);
        blazorOptions.PropertyNameCaseInsensitive.ShouldBe(true);

        foreach (var type in PersistedTypes())
        {
            var sample = SampleValues.Of(type);
            var serializer = Serializer(type).ShouldNotBeNull(type.Name);
            var expected = JsonSerializer.SerializeToUtf8Bytes(sample, type, blazorOptions);

            var written = Persist(serializer, type, sample);

            System.Text.Encoding.UTF8.GetString(written).ShouldBe(System.Text.Encoding.UTF8.GetString(expected), type.Name);
            var restored = Restore(serializer, type, written);
            JsonSerializer.SerializeToUtf8Bytes(restored, type, blazorOptions).ShouldBe(expected, type.Name);
        }
    }

    private object? Serializer(Type type)
    {
        var serializer = fixture.App.Services.GetService(typeof(PersistentComponentStateSerializer<>).MakeGenericType(type));
        return serializer?.GetType().GetGenericTypeDefinition() == typeof(GeneratedPageStateSerializer<>) ? serializer : null;
    }

    private static byte[] Persist(object serializer, Type type, object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        typeof(PersistentComponentStateSerializer<>).MakeGenericType(type).GetMethod("Persist")!.Invoke(serializer, [value, buffer]);
        return buffer.WrittenSpan.ToArray();
    }

    private static object? Restore(object serializer, Type type, byte[] written) =>
        typeof(PersistentComponentStateSerializer<>).MakeGenericType(type).GetMethod("Restore")!
            .Invoke(serializer, [new ReadOnlySequence<byte>(written)]);

    /// <summary>The types of every <c>[PersistentState]</c> property on the modules' components.</summary>
    private static HashSet<Type> PersistedTypes()
    {
        return AppAssemblies.Loaded().SelectMany(a => a.GetTypes())
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            .Where(p => p.GetCustomAttribute<PersistentStateAttribute>() is not null)
            .Select(p => p.PropertyType)
            .ToHashSet();
    }
}
