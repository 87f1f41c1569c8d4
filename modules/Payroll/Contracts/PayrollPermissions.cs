namespace Derrimut.Payroll.Contracts;

/// <summary>Permissions declared by the Payroll module.</summary>
public static class PayrollPermissions
{
    /// <summary>Run payroll at this gym: pay settings, timesheet approval, pay runs, the tax calculator.</summary>
    public const string ManagePayroll = "manage:payroll";
}
