using System.Text.Json.Serialization;

namespace Derrimut.Payroll.Contracts;

/// <summary>Where a pay run is. In JSON: <c>draft</c>, <c>approved</c>, <c>finalised</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PayRunStage>))]
public enum PayRunStage
{
    /// <summary>Calculated and under review; recalculated or deleted freely.</summary>
    [JsonStringEnumMemberName("draft")]
    Draft = 1,

    /// <summary>Reviewed and approved; waiting to be finalised (or deleted).</summary>
    [JsonStringEnumMemberName("approved")]
    Approved = 2,

    /// <summary>Locked: its timesheets and sessions are paid; corrected only by an adjusting run.</summary>
    [JsonStringEnumMemberName("finalised")]
    Finalised = 3,
}

/// <summary>Where a timesheet day is. In JSON: <c>submitted</c>, <c>approved</c>, <c>paid</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimesheetDayStatus>))]
public enum TimesheetDayStatus
{
    /// <summary>Entered (or changed) and waiting for approval.</summary>
    [JsonStringEnumMemberName("submitted")]
    Submitted = 1,

    /// <summary>Approved for the next pay run.</summary>
    [JsonStringEnumMemberName("approved")]
    Approved = 2,

    /// <summary>Paid in a finalised pay run, and locked.</summary>
    [JsonStringEnumMemberName("paid")]
    Paid = 3,
}

/// <summary>
/// Which award rates a worked day takes. In JSON: <c>weekday</c>, <c>saturday</c>, <c>sunday</c>, <c>public-holiday</c>
/// (the last from the location's own holiday list).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimesheetDayKind>))]
public enum TimesheetDayKind
{
    /// <summary>Monday to Friday, not a public holiday.</summary>
    [JsonStringEnumMemberName("weekday")]
    Weekday = 1,

    /// <summary>A Saturday that is not a public holiday.</summary>
    [JsonStringEnumMemberName("saturday")]
    Saturday = 2,

    /// <summary>A Sunday that is not a public holiday.</summary>
    [JsonStringEnumMemberName("sunday")]
    Sunday = 3,

    /// <summary>A public holiday at this location.</summary>
    [JsonStringEnumMemberName("public-holiday")]
    PublicHoliday = 4,
}

/// <summary>What a payslip line pays. In JSON: <c>ordinary</c>, <c>overtime</c>, <c>salary</c>, <c>commission</c>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PayslipLineKind>))]
public enum PayslipLineKind
{
    /// <summary>Ordinary hours at the day's rate.</summary>
    [JsonStringEnumMemberName("ordinary")]
    Ordinary = 1,

    /// <summary>Overtime hours at their band's rate.</summary>
    [JsonStringEnumMemberName("overtime")]
    Overtime = 2,

    /// <summary>A salary instalment for the period.</summary>
    [JsonStringEnumMemberName("salary")]
    Salary = 3,

    /// <summary>Commission on delivered sessions.</summary>
    [JsonStringEnumMemberName("commission")]
    Commission = 4,
}
