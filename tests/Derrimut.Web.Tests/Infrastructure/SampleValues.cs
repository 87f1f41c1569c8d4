using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>
/// A filled-in instance of any data type (records, lists, nested objects), for tests that compare two serialisers'
/// output: every property carries a value, so every property name and nested shape is written by both.
/// </summary>
internal static class SampleValues
{
    public static object? Of(Type type, int depth = 0)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            return "sample";
        }

        if (underlying.IsEnum)
        {
            var values = Enum.GetValues(underlying);
            return values.Length > 1 ? values.GetValue(1) : values.GetValue(0);
        }

        if (underlying.IsValueType)
        {
            return KnownValue(underlying) ?? Activator.CreateInstance(underlying);
        }

        if (depth > 4)
        {
            return null;
        }

        if (ItemType(underlying) is { } item)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(item))!;
            list.Add(Of(item, depth + 1));
            return underlying.IsArray ? ToArray(list, item) : list;
        }

        var instance = RuntimeHelpers.GetUninitializedObject(underlying);
        foreach (var property in underlying.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            property.SetValue(instance, Of(property.PropertyType, depth + 1));
        }

        return instance;
    }

    private static object? KnownValue(Type type) =>
        type == typeof(Guid) ? new Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff")
        : type == typeof(int) ? 7
        : type == typeof(long) ? 7L
        : type == typeof(decimal) ? 12.5m
        : type == typeof(double) ? 1.5
        : type == typeof(bool) ? true
        : type == typeof(DateOnly) ? new DateOnly(2026, 12, 7)
        : type == typeof(TimeOnly) ? new TimeOnly(6, 30)
        : type == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 12, 7, 6, 30, 0, TimeSpan.FromHours(11))
        : type == typeof(DateTime) ? new DateTime(2026, 12, 7, 6, 30, 0, DateTimeKind.Utc)
        : type == typeof(TimeSpan) ? TimeSpan.FromMinutes(45)
        : null;

    private static Type? ItemType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(IList<>) || definition == typeof(ICollection<>)))
        {
            return type.GenericTypeArguments[0];
        }

        return null;
    }

    private static Array ToArray(IList list, Type item)
    {
        var array = Array.CreateInstance(item, list.Count);
        list.CopyTo(array, 0);
        return array;
    }
}
