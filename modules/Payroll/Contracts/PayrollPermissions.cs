namespace Derrimut.Payroll.Contracts;

/// <summary>Permissions declared by the Payroll module.</summary>
public static class PayrollPermissions
{
    /// <summary>Run payroll at this gym: pay settings, timesheet approval, pay runs, the tax calculator.</summary>
    public const string ManagePayroll = "manage:payroll";

    /// <summary>Enter one's own timesheet hours (trainers and staff).</summary>
    public const string ManageOwnTimesheet = "manage:own_timesheet";

    /// <summary>
    /// Platform (superadmin): add the dated NAT 1004 tables and super guarantee rules every location's payroll uses.
    /// </summary>
    public const string ManageTaxTables = "manage:payroll_tax_tables";

    /// <summary>See one's own payslips (trainers and staff).</summary>
    public const string ViewOwnPayslips = "view:own_payslips";
}
