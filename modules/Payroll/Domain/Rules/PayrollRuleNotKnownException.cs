namespace Derrimut.Payroll.Domain.Rules;

/// <summary>
/// Thrown when no official figure is known for a payment date (a withholding table, a super
/// guarantee rate, a maximum super contribution base). Payroll must refuse rather than guess:
/// a wrong table silently under- or over-withholds tax for every employee in the run.
/// </summary>
internal sealed class PayrollRuleNotKnownException : Exception
{
    public PayrollRuleNotKnownException(string rule, DateOnly paidOn, string message)
        : base(message)
    {
        Rule = rule;
        PaidOn = paidOn;
    }

    /// <summary>What was looked up, e.g. "PAYG withholding scale 5" or "maximum super contribution base".</summary>
    public string Rule { get; }

    public DateOnly PaidOn { get; }
}
