using System.Text.Json;
using Derrimut.Payroll.Contracts;

namespace Derrimut.Payroll.Tests;

/// <summary>The pay run and timesheet day statuses and the day and payslip line kinds are enums in the contracts, written and read as the API's strings.</summary>
public sealed class PayrollStatesShould
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(PayRunStage.Draft, "draft")]
    [InlineData(PayRunStage.Approved, "approved")]
    [InlineData(PayRunStage.Finalised, "finalised")]
    public void WriteAndReadAPayRunStageAsTheApiAlwaysHas(PayRunStage stage, string wire)
    {
        JsonSerializer.Serialize(stage, Web).ShouldBe($"\"{wire}\"");
        JsonSerializer.Deserialize<PayRunStage>($"\"{wire}\"", Web).ShouldBe(stage);
    }

    [Theory]
    [InlineData(TimesheetDayStatus.Submitted, "submitted")]
    [InlineData(TimesheetDayStatus.Approved, "approved")]
    [InlineData(TimesheetDayStatus.Paid, "paid")]
    public void WriteAndReadATimesheetDayStatusAsTheApiAlwaysHas(TimesheetDayStatus status, string wire)
    {
        JsonSerializer.Serialize(status, Web).ShouldBe($"\"{wire}\"");
        JsonSerializer.Deserialize<TimesheetDayStatus>($"\"{wire}\"", Web).ShouldBe(status);
    }

    [Theory]
    [InlineData(TimesheetDayKind.Weekday, "weekday")]
    [InlineData(TimesheetDayKind.Saturday, "saturday")]
    [InlineData(TimesheetDayKind.Sunday, "sunday")]
    [InlineData(TimesheetDayKind.PublicHoliday, "public-holiday")]
    public void WriteAndReadADayKindAsTheApiAlwaysHas(TimesheetDayKind kind, string wire)
    {
        JsonSerializer.Serialize(kind, Web).ShouldBe($"\"{wire}\"");
        JsonSerializer.Deserialize<TimesheetDayKind>($"\"{wire}\"", Web).ShouldBe(kind);
    }

    [Theory]
    [InlineData(PayslipLineKind.Ordinary, "ordinary")]
    [InlineData(PayslipLineKind.Overtime, "overtime")]
    [InlineData(PayslipLineKind.Salary, "salary")]
    [InlineData(PayslipLineKind.Commission, "commission")]
    public void WriteAndReadAPayslipLineKindAsTheApiAlwaysHas(PayslipLineKind kind, string wire)
    {
        JsonSerializer.Serialize(kind, Web).ShouldBe($"\"{wire}\"");
        JsonSerializer.Deserialize<PayslipLineKind>($"\"{wire}\"", Web).ShouldBe(kind);
    }

    [Fact]
    public void CoverEveryValue()
    {
        Enum.GetValues<PayRunStage>().Length.ShouldBe(3);
        Enum.GetValues<TimesheetDayStatus>().Length.ShouldBe(3);
        Enum.GetValues<TimesheetDayKind>().Length.ShouldBe(4);
        Enum.GetValues<PayslipLineKind>().Length.ShouldBe(4);
    }
}
