using Derrimut.Payroll.Domain.Earnings;
using Derrimut.Payroll.Domain.Withholding;

namespace Derrimut.Payroll.Data;

/// <summary>How an employee's pay is worked out.</summary>
internal enum PayBasis
{
    /// <summary>An annual salary, paid in equal instalments per pay period.</summary>
    AnnualSalary,

    /// <summary>Approved timesheet hours × the hourly rate (with award loadings and penalty rates).</summary>
    HourlyRate,

    /// <summary>Trainers: completed sessions × the per-session commission, plus any timesheet hours at the hourly rate.</summary>
    PerSession,
}

/// <summary>
/// An employee's pay settings at one location: employment, pay basis and rates, the tax declaration that picks the
/// NAT 1004 scale, super fund and bank account. One per person per location.
/// </summary>
internal sealed class EmployeePaySettings : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid UserId { get; set; }

    public EmploymentType EmploymentType { get; set; }

    public PayBasis PayBasis { get; set; }

    public long? AnnualSalaryCents { get; set; }

    public long? HourlyRateCents { get; set; }

    public long? SessionRateCents { get; set; }

    public PayPeriod PayFrequency { get; set; }

    /// <summary>False when the employee gave no tax file number: scale 4, at the no-TFN rate.</summary>
    public bool TfnProvided { get; set; }

    public bool ClaimsTaxFreeThreshold { get; set; }

    public TaxResidency Residency { get; set; }

    public MedicareLevyExemption MedicareLevyExemption { get; set; }

    public string SuperFundName { get; set; } = "";

    /// <summary>The fund's unique superannuation identifier (USI) or, for a self-managed fund, its ABN.</summary>
    public string SuperFundUsi { get; set; } = "";

    public string SuperMemberNumber { get; set; } = "";

    /// <summary>BSB and account number, encrypted for this location and this person (<c>BankDetailsProtector</c>).</summary>
    public string BankAccountCiphertext { get; set; } = "";

    /// <summary>The account number's last three digits: all a list ever shows.</summary>
    public string AccountNumberEnding { get; set; } = "";

    /// <summary>Plaintext BSB from before encryption (decision 0055): emptied by the start-up step, then never written.</summary>
    public string? LegacyBsb { get; set; }

    /// <summary>Plaintext account number from before encryption: emptied by the start-up step, then never written.</summary>
    public string? LegacyAccountNumber { get; set; }

    /// <summary>Counts changes of BSB or account number (0: recorded before changes were counted); payslips copy it.</summary>
    public int BankDetailsRevision { get; set; }

    /// <summary>Who last changed the BSB or account number (null when a seed or the start-up step did).</summary>
    public Guid? BankDetailsChangedBy { get; set; }

    public DateTimeOffset? BankDetailsChangedAt { get; set; }

    public string AccountName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }

    /// <summary>The NAT 1004 scale the declaration gives.</summary>
    public WithholdingScale Scale => TaxScales.For(TfnProvided, Residency, ClaimsTaxFreeThreshold, MedicareLevyExemption);

    /// <summary>Residency as the calculator wants it: only scale 4 takes one.</summary>
    public TaxResidency? ScaleResidency => Scale == WithholdingScale.Scale4 ? Residency : null;
}

/// <summary>The location as an employer paying by direct entry: its own bank account and APCA details for ABA files.</summary>
internal sealed class EmployerPaySettings : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>The bank's 3-letter abbreviation, e.g. CBA.</summary>
    public string FinancialInstitution { get; set; } = "";

    public string ApcaUserId { get; set; } = "";

    /// <summary>The "user preferred specification" the bank gave (usually the account name).</summary>
    public string UserName { get; set; } = "";

    /// <summary>BSB and account number, encrypted for this location as employer (<c>BankDetailsProtector</c>).</summary>
    public string BankAccountCiphertext { get; set; } = "";

    /// <summary>The account number's last three digits.</summary>
    public string AccountNumberEnding { get; set; } = "";

    /// <summary>Plaintext BSB from before encryption: emptied by the start-up step.</summary>
    public string? LegacyBsb { get; set; }

    /// <summary>Plaintext account number from before encryption: emptied by the start-up step.</summary>
    public string? LegacyAccountNumber { get; set; }

    /// <summary>
    /// A gym with a single payroll admin may let that admin approve a run although an employee's bank details changed
    /// since their last paid run; every such run then carries a warning (decision 0055).
    /// </summary>
    public bool SingleAdminMayApprove { get; set; }

    /// <summary>Shown on employees' bank statements (16 characters).</summary>
    public string RemitterName { get; set; } = "";

    /// <summary>The bank wants a balancing debit record (a "balanced" file).</summary>
    public bool BalancedFile { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>A public holiday at this location (an admin keeps the list; Victorian holidays are seeded).</summary>
internal sealed class PublicHoliday : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public DateOnly Date { get; set; }

    public string Name { get; set; } = "";
}

internal enum TimesheetStatus
{
    /// <summary>Entered, waiting for an admin.</summary>
    Submitted,

    /// <summary>Approved: the next pay run pays it.</summary>
    Approved,
}

/// <summary>One person's hours on one day. Once a finalised pay run paid it, it is locked.</summary>
internal sealed class TimesheetEntry : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid UserId { get; set; }

    public DateOnly WorkDate { get; set; }

    public decimal OrdinaryHours { get; set; }

    public decimal OvertimeHours { get; set; }

    public string? Note { get; set; }

    public TimesheetStatus Status { get; set; }

    public Guid EnteredBy { get; set; }

    public Guid? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>The finalised pay run that paid these hours; set once, never cleared.</summary>
    public Guid? PaidInRunId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>A trainer's completed session, fed in by bookings, payable at the trainer's per-session commission.</summary>
internal sealed class CompletedSession : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid TrainerUserId { get; set; }

    /// <summary>The booking system's id for the session: recording it twice is a no-op.</summary>
    public Guid SessionId { get; set; }

    public DateOnly CompletedOn { get; set; }

    public string Description { get; set; } = "";

    public Guid? PaidInRunId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}

internal enum PayRunStatus
{
    /// <summary>Calculated and under review; can be recalculated or deleted.</summary>
    Draft,

    /// <summary>Reviewed and approved; waiting to be finalised.</summary>
    Approved,

    /// <summary>Paid: locked for good. Corrections are a new adjusting run.</summary>
    Finalised,
}

/// <summary>A pay run for one pay period at one location.</summary>
internal sealed class PayRun : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>1, 2, 3… per location.</summary>
    public int Number { get; set; }

    public PayPeriod Frequency { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public DateOnly PaidOn { get; set; }

    /// <summary>
    /// Unique per location: "weekly:2026-06-15" for a regular run, so two regular runs can never pay one period's
    /// salaries twice; adjusting runs add their own id.
    /// </summary>
    public string PeriodKey { get; set; } = "";

    public PayRunStatus Status { get; set; }

    /// <summary>The finalised run this one corrects (an adjusting run pays only what that run missed).</summary>
    public Guid? AdjustsRunId { get; set; }

    public Guid CreatedBy { get; set; }

    public DateTimeOffset CalculatedAt { get; set; }

    public Guid? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public Guid? FinalisedBy { get; set; }

    public DateTimeOffset? FinalisedAt { get; set; }

    public long GrossCents { get; set; }

    public long WithholdingCents { get; set; }

    public long SuperCents { get; set; }

    public long NetCents { get; set; }

    /// <summary>When the funds must have this run's super guarantee: payday + 7 days under Payday Super.</summary>
    public DateOnly? SuperDueOn { get; set; }

    /// <summary>
    /// Employees left out because a figure their pay needs is not known (e.g. a scale with no table for the payment
    /// date); everyone else is calculated. Recalculate once a superadmin adds the table, or pay them in an adjusting run.
    /// </summary>
    public List<NotCalculatedEmployee> NotCalculated { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>An employee a pay run could not calculate, and the figure that was missing.</summary>
internal sealed record NotCalculatedEmployee(Guid UserId, string EmployeeName, string Rule, string Reason);

/// <summary>One line of a payslip, as calculated (kept whole so a finalised payslip never changes).</summary>
internal sealed record PayslipLine(
    string Kind,
    string Description,
    long AmountCents,
    DateOnly? Date = null,
    decimal? Hours = null,
    long? BaseRateCents = null,
    decimal? Multiplier = null,
    long? RateCents = null);

/// <summary>One employee's pay in a pay run, with the settings it was calculated from copied in.</summary>
internal sealed class Payslip : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid PayRunId { get; set; }

    public Guid UserId { get; set; }

    public string EmployeeName { get; set; } = "";

    public EmploymentType EmploymentType { get; set; }

    public PayBasis PayBasis { get; set; }

    public int Scale { get; set; }

    public decimal Hours { get; set; }

    public long GrossCents { get; set; }

    public long OrdinaryTimeEarningsCents { get; set; }

    public long WithholdingCents { get; set; }

    public long SuperCents { get; set; }

    public long NetCents { get; set; }

    public string WithholdingTable { get; set; } = "";

    /// <summary>The employee's encrypted BSB and account number as calculated (the settings' ciphertext, copied).</summary>
    public string BankAccountCiphertext { get; set; } = "";

    public string AccountNumberEnding { get; set; } = "";

    /// <summary>Plaintext BSB from before encryption: emptied by the start-up step.</summary>
    public string? LegacyBsb { get; set; }

    /// <summary>Plaintext account number from before encryption: emptied by the start-up step.</summary>
    public string? LegacyAccountNumber { get; set; }

    /// <summary>The settings' <see cref="EmployeePaySettings.BankDetailsRevision"/> this payslip pays into.</summary>
    public int BankDetailsRevision { get; set; }

    /// <summary>Who made that revision: they may not be the admin who approves the run (decision 0055).</summary>
    public Guid? BankDetailsChangedBy { get; set; }

    public string AccountName { get; set; } = "";

    public string SuperFundName { get; set; } = "";

    public string SuperFundUsi { get; set; } = "";

    public string SuperMemberNumber { get; set; } = "";

    /// <summary>"Quarterly" or "Payday" (Payday Super, payments from 1 July 2026).</summary>
    public string SuperBasis { get; set; } = "Quarterly";

    /// <summary>When the fund must have this payslip's super guarantee.</summary>
    public DateOnly? SuperDueOn { get; set; }

    public List<PayslipLine> Lines { get; set; } = [];

    public List<string> WithholdingWorking { get; set; } = [];

    public List<string> SuperWorking { get; set; } = [];

    /// <summary>The timesheet entries and sessions this payslip pays: marked paid when the run is finalised.</summary>
    public List<Guid> TimesheetEntryIds { get; set; } = [];

    public List<Guid> SessionIds { get; set; } = [];
}

/// <summary>
/// Who saw, changed or exported bank details, when, and whose (decision 0055). Written in the same save as a change;
/// a reveal or an export is written before the numbers are handed back.
/// </summary>
internal sealed class BankDetailsAuditEntry : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The admin; null for a seed or the start-up encryption step.</summary>
    public Guid? ActorUserId { get; set; }

    /// <summary>"revealed", "changed" or "exported".</summary>
    public string Action { get; set; } = "";

    /// <summary>The employee whose account it is; null for the gym's own (employer) account.</summary>
    public Guid? SubjectUserId { get; set; }

    public string Detail { get; set; } = "";
}
