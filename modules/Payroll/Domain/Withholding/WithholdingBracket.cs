namespace Derrimut.Payroll.Domain.Withholding;

/// <summary>
/// One row of a NAT 1004 coefficient table: for weekly earnings x less than <see cref="LessThan"/>
/// (or any x when <see cref="LessThan"/> is null: "and over"), the weekly withholding is y = a·x − b.
/// A "nil" row has a = b = 0.
/// </summary>
internal sealed record WithholdingBracket(decimal? LessThan, decimal A, decimal B)
{
    public static WithholdingBracket Nil(decimal lessThan) => new(lessThan, 0m, 0m);

    public bool IsNil => A == 0m && B == 0m;

    /// <summary>True when this row applies to x: the ATO uses the first row whose limit is greater than x.</summary>
    public bool Covers(decimal weeklyEarningsX) => LessThan is not { } limit || weeklyEarningsX < limit;

    /// <summary>y = a·x − b exactly, before any rounding (the ATO forbids a preliminary rounding to cents).</summary>
    public decimal Apply(decimal weeklyEarningsX) => (A * weeklyEarningsX) - B;
}
