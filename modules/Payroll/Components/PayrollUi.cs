using Derrimut.BuildingBlocks.Ui;
using Derrimut.BuildingBlocks.UseCases;
using Derrimut.Payroll.Contracts;

namespace Derrimut.Payroll.Components;

/// <summary>
/// What the payroll pages share beyond the kernel's primitives (money is <see cref="Aud"/>, dates
/// <see cref="GymCulture"/>, the signed-in person the page call's user): the timesheet week and the page's rules.
/// </summary>
internal static class PayrollUi
{
    /// <summary>Payroll administration at this gym: pay settings, timesheets, pay runs and the calculator.</summary>
    public static AccessRule ManagePayroll { get; } = AccessRule.Holding(PayrollPermissions.ManagePayroll);

    /// <summary>A trainer's or staff member's own hours.</summary>
    public static AccessRule ManageOwnTimesheet { get; } = AccessRule.Holding(PayrollPermissions.ManageOwnTimesheet);

    /// <summary>A trainer's or staff member's own payslips.</summary>
    public static AccessRule ViewOwnPayslips { get; } = AccessRule.Holding(PayrollPermissions.ViewOwnPayslips);

    /// <summary>The platform's dated tax tables and super rules.</summary>
    public static AccessRule ManageTaxTables { get; } = AccessRule.Holding(PayrollPermissions.ManageTaxTables);

    /// <summary>A status as the API spells it (<c>finalised</c>, <c>submitted</c>), as the pages always showed it.</summary>
    public static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');

    /// <summary>The Monday on or before a date: timesheet weeks start on Monday.</summary>
    public static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// A date typed in a date input (yyyy-MM-dd), or null when blank; a date the browser could not give is put on the
    /// field, as the API would name it.
    /// </summary>
    public static bool TryDate(string? text, string field, UiAction action, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        action.Fail(field, "Give the date as yyyy-MM-dd.");
        return false;
    }
}
