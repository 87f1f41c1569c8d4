using System.Globalization;
using System.Security.Claims;
using Derrimut.BuildingBlocks.Errors;

namespace Derrimut.Web.Components.Pages.Payroll;

/// <summary>What the payroll pages share: money and date formats, the signed-in person, and the service's errors in words.</summary>
internal static class PayrollUi
{
    private static readonly CultureInfo Australian = CultureInfo.GetCultureInfo("en-AU");

    public static string Money(decimal dollars) => dollars.ToString("C2", Australian);

    public static string Money(decimal? dollars) => dollars is { } d ? Money(d) : "";

    public static string Date(DateOnly date) => date.ToString("ddd d MMM yyyy", Australian);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub"), out var id) ? id : null;

    /// <summary>The errors to show: per field for a validation failure, else one message under "".</summary>
    public static Dictionary<string, string> Errors(Exception exception) => exception switch
    {
        ValidationException v => v.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value), StringComparer.Ordinal),
        ConflictException or NotFoundException or ForbiddenException => new(StringComparer.Ordinal) { [""] = exception.Message },
        _ => throw exception,
    };

    public static bool IsExpected(Exception exception) => exception is ValidationException or ConflictException or NotFoundException or ForbiddenException;

    /// <summary>The Monday on or before a date: timesheet weeks start on Monday.</summary>
    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
