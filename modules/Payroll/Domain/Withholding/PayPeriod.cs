namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>How often the employee is paid; decides how earnings convert to the weekly x of NAT 1004.</summary>
internal enum PayPeriod
{
    Weekly,
    Fortnightly,
    Monthly,
    Quarterly,
}
