namespace Derrimut.Payroll.Contracts;

/// <summary>A pay run's totals as reports read them (init properties so composed queries translate to SQL).</summary>
public sealed class PayRunTotalsRow
{
    /// <summary>The run's id.</summary>
    public Guid Id { get; init; }

    /// <summary>The run's number at the location.</summary>
    public int Number { get; init; }

    /// <summary>The first day of the pay period.</summary>
    public DateOnly PeriodStart { get; init; }

    /// <summary>The last day of the pay period.</summary>
    public DateOnly PeriodEnd { get; init; }

    /// <summary>The day staff are paid.</summary>
    public DateOnly PaidOn { get; init; }

    /// <summary>Whether the run is finalised (its money has gone out); drafts and approved runs may still change.</summary>
    public bool IsFinalised { get; init; }

    /// <summary>Gross pay in cents.</summary>
    public long GrossCents { get; init; }

    /// <summary>PAYG withheld in cents.</summary>
    public long WithholdingCents { get; init; }

    /// <summary>Super guarantee in cents.</summary>
    public long SuperCents { get; init; }

    /// <summary>Net pay in cents.</summary>
    public long NetCents { get; init; }
}

/// <summary>
/// Payroll's read contract for reports: the current location's pay runs with their totals, as queryable rows on the
/// caller's own DbContext (the tenant filter applies). No payslip, bank or tax-file detail crosses it.
/// </summary>
public interface IPayrollReadModel
{
    /// <summary>The location's pay runs.</summary>
    IQueryable<PayRunTotalsRow> PayRuns { get; }
}
