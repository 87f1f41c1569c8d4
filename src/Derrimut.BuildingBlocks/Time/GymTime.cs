using Derrimut.BuildingBlocks.Tenancy;

namespace Derrimut.BuildingBlocks.Time;

/// <summary>
/// The one rule for a gym's time zone. Every gym keeps local time; a gym with no zone set, or with a zone this
/// machine does not know, keeps Melbourne's (the chain's home, daylight saving included) — never UTC, which would put
/// a 6 am class at 5 pm.
/// </summary>
public static class GymTime
{
    /// <summary>The chain's home zone, the default for every gym.</summary>
    public const string DefaultZoneId = "Australia/Melbourne";

    /// <summary>Melbourne time, with daylight saving.</summary>
    public static TimeZoneInfo Melbourne { get; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultZoneId);

    /// <summary>The zone a gym keeps: its own when set and known, else Melbourne's. The platform keeps Melbourne's.</summary>
    public static TimeZoneInfo ZoneOf(TenantInfo? tenant) => ZoneOf(tenant?.TimeZoneId);

    /// <summary>The zone for an IANA id: that zone when known, else Melbourne's.</summary>
    public static TimeZoneInfo ZoneOf(string? timeZoneId) =>
        !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : Melbourne;
}

/// <summary>The current gym's clock: "now" and "today" as the people in the gym read them.</summary>
public interface IGymClock
{
    /// <summary>The current gym's zone (see <see cref="GymTime.ZoneOf(TenantInfo?)"/>).</summary>
    TimeZoneInfo Zone { get; }

    /// <summary>The current instant, in UTC.</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>The current instant in the gym's local time (with its offset of the day).</summary>
    DateTimeOffset LocalNow { get; }

    /// <summary>The gym's local date today.</summary>
    DateOnly Today { get; }

    /// <summary>An instant in the gym's local time.</summary>
    DateTimeOffset ToLocal(DateTimeOffset instant);

    /// <summary>The instant the gym's local day <paramref name="date"/> starts (midnight, or the first valid time after it).</summary>
    DateTimeOffset StartOf(DateOnly date);
}

internal sealed class GymClock(ICurrentTenant tenant, TimeProvider time) : IGymClock
{
    public TimeZoneInfo Zone => GymTime.ZoneOf(tenant.Tenant);

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset LocalNow => ToLocal(UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateTimeOffset StartOf(DateOnly date) => LocalTimes.ToInstant(date.ToDateTime(TimeOnly.MinValue), Zone);
}

/// <summary>Local wall-clock times to instants, across daylight-saving changes.</summary>
public static class LocalTimes
{
    /// <summary>
    /// The instant a local wall-clock time names in <paramref name="zone"/>. A time skipped by the spring-forward change
    /// (2:30 am on the first Sunday of October in Melbourne) moves forward by the gap, as a wall clock does; a time that
    /// occurs twice in autumn (2:30 am on the first Sunday of April) is taken at its first occurrence (daylight time).
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            var gap = zone.GetAdjustmentRules().Select(r => r.DaylightDelta).DefaultIfEmpty(TimeSpan.FromHours(1)).Max();
            unspecified = unspecified.Add(gap);
        }

        var offset = zone.IsAmbiguousTime(unspecified)
            ? zone.GetAmbiguousTimeOffsets(unspecified).Max()
            : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset);
    }
}
