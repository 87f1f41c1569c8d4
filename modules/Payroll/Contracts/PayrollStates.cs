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
