namespace Derrimut.Payroll.Domain.Earnings;

internal enum EmploymentType
{
    FullTime,
    PartTime,
    Casual,
}
