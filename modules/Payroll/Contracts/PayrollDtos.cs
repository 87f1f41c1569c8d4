namespace Derrimut.Payroll.Contracts;

/// <summary>An employee's pay settings as entered (the API body and the settings form). Money in dollars.</summary>
/// <param name="EmploymentType">"full-time", "part-time" or "casual".</param>
/// <param name="PayBasis">"salary", "hourly" or "per-session".</param>
/// <param name="AnnualSalary">Dollars a year (salary).</param>
/// <param name="HourlyRate">Base ordinary hourly rate in dollars (hourly; optional for per-session trainers who also log hours).</param>
/// <param name="SessionRate">Commission per completed session in dollars (per-session).</param>
/// <param name="PayFrequency">"weekly", "fortnightly", "monthly" or "quarterly".</param>
/// <param name="TfnProvided">The employee gave a tax file number (false → scale 4).</param>
/// <param name="ClaimsTaxFreeThreshold">Claimed the tax-free threshold on the declaration.</param>
/// <param name="Residency">"resident" or "foreign" (for tax purposes).</param>
/// <param name="MedicareLevyExemption">"none", "half" or "full".</param>
/// <param name="SuperFundName">The super fund's name.</param>
/// <param name="SuperFundUsi">The fund's USI (or ABN for a self-managed fund).</param>
/// <param name="SuperMemberNumber">The employee's member number.</param>
/// <param name="Bsb">"NNN-NNN"; answered empty (masked). Leave it and AccountNumber empty to keep the account on record.</param>
/// <param name="AccountNumber">5 to 9 digits; answered empty (masked).</param>
/// <param name="AccountName">Name on the account.</param>
public sealed record EmployeePaySettingsInput(
    string? EmploymentType,
    string? PayBasis,
    decimal? AnnualSalary,
    decimal? HourlyRate,
    decimal? SessionRate,
    string? PayFrequency,
    bool? TfnProvided,
    bool? ClaimsTaxFreeThreshold,
    string? Residency,
    string? MedicareLevyExemption,
    string? SuperFundName,
    string? SuperFundUsi,
    string? SuperMemberNumber,
    string? Bsb,
    string? AccountNumber,
    string? AccountName);

/// <summary>Saved pay settings, with the tax scale they give.</summary>
/// <param name="UserId">The employee.</param>
/// <param name="Settings">The settings, in the input's shape.</param>
/// <param name="TaxScale">The NAT 1004 scale (1–6).</param>
/// <param name="TaxScaleDescription">Why that scale, in words.</param>
/// <param name="Version">Concurrency version.</param>
/// <param name="BankAccount">The account masked, "BSB •••-••• account •••678" (Settings.Bsb and Settings.AccountNumber are
/// answered empty: a payroll admin reveals them explicitly, and the reveal is audited).</param>
/// <param name="BankDetailsChangedAt">When the BSB or account number last changed (null: before changes were recorded).</param>
public sealed record EmployeePaySettingsDto(Guid UserId, EmployeePaySettingsInput Settings, int TaxScale, string TaxScaleDescription, long Version,
    string BankAccount = "", DateTimeOffset? BankDetailsChangedAt = null);

/// <summary>A person who works here, with their pay settings when they have them.</summary>
/// <param name="UserId">The person.</param>
/// <param name="DisplayName">Name.</param>
/// <param name="Email">Login.</param>
/// <param name="Roles">Roles here.</param>
/// <param name="Settings">Pay settings, or null when not set up yet.</param>
public sealed record PayrollEmployeeDto(Guid UserId, string DisplayName, string Email, IReadOnlyList<string> Roles, EmployeePaySettingsDto? Settings);

/// <summary>The location as employer: ABN and the bank details for ABA files.</summary>
/// <param name="Abn">11 digits (spaces allowed on input).</param>
/// <param name="FinancialInstitution">Bank's 3-letter code, e.g. "CBA".</param>
/// <param name="ApcaUserId">APCA direct entry user id (up to 6 digits).</param>
/// <param name="UserName">User preferred specification, as the bank gave it.</param>
/// <param name="Bsb">The gym's BSB, "NNN-NNN".</param>
/// <param name="AccountNumber">The gym's account number.</param>
/// <param name="RemitterName">Shown on employees' statements (16 characters).</param>
/// <param name="BalancedFile">Add a balancing debit record.</param>
/// <param name="SingleAdminMayApprove">
/// A gym with one payroll admin lets that admin approve a run although bank details changed since the last paid run
/// (every such run then warns); null on input leaves the setting as it is.
/// </param>
/// <param name="BankAccount">Answered only: the account masked, "BSB •••-••• account •••198". Bsb and AccountNumber are
/// answered empty; leave both empty on input to keep the account on record.</param>
public sealed record EmployerPaySettingsInput(
    string? Abn,
    string? FinancialInstitution,
    string? ApcaUserId,
    string? UserName,
    string? Bsb,
    string? AccountNumber,
    string? RemitterName,
    bool? BalancedFile,
    bool? SingleAdminMayApprove = null,
    string? BankAccount = null);

/// <summary>A public holiday at this location.</summary>
/// <param name="Id">Id.</param>
/// <param name="Date">The day.</param>
/// <param name="Name">e.g. "Melbourne Cup Day".</param>
public sealed record PublicHolidayDto(Guid Id, DateOnly Date, string Name);

/// <summary>Body for adding a public holiday.</summary>
/// <param name="Date">The day.</param>
/// <param name="Name">Its name.</param>
public sealed record PublicHolidayInput(DateOnly? Date, string? Name);

/// <summary>One day's hours.</summary>
/// <param name="OrdinaryHours">Ordinary hours (0–24, up to 2 decimals).</param>
/// <param name="OvertimeHours">Hours beyond ordinary hours.</param>
/// <param name="Note">Optional note for the approver.</param>
public sealed record TimesheetDayInput(decimal? OrdinaryHours, decimal? OvertimeHours, string? Note);

/// <summary>A timesheet day as listed.</summary>
/// <param name="Id">Entry id.</param>
/// <param name="UserId">Who worked.</param>
/// <param name="EmployeeName">Their name.</param>
/// <param name="Date">The day.</param>
/// <param name="DayKind">"weekday", "saturday", "sunday" or "public-holiday" (from this location's holiday list).</param>
/// <param name="OrdinaryHours">Ordinary hours.</param>
/// <param name="OvertimeHours">Overtime hours.</param>
/// <param name="Note">Note.</param>
/// <param name="Status">"submitted", "approved" or "paid".</param>
/// <param name="Version">Concurrency version.</param>
public sealed record TimesheetDayDto(Guid Id, Guid UserId, string EmployeeName, DateOnly Date, TimesheetDayKind DayKind, decimal OrdinaryHours, decimal OvertimeHours, string? Note, TimesheetDayStatus Status, long Version);

/// <summary>Body for creating a pay run.</summary>
/// <param name="Frequency">"weekly", "fortnightly", "monthly" or "quarterly".</param>
/// <param name="PeriodStart">First day of the period.</param>
/// <param name="PeriodEnd">Last day of the period (7 or 14 days, or whole calendar months, from the start).</param>
/// <param name="PaidOn">The payment date (it chooses the tax table and super rate).</param>
/// <param name="AdjustsRunId">A finalised run of the same period to correct: the new run pays only what it missed.</param>
public sealed record NewPayRunInput(string? Frequency, DateOnly? PeriodStart, DateOnly? PeriodEnd, DateOnly? PaidOn, Guid? AdjustsRunId);

/// <summary>A pay run in the list.</summary>
/// <param name="Id">Id.</param>
/// <param name="Number">Run number at this location.</param>
/// <param name="Frequency">Pay frequency.</param>
/// <param name="PeriodStart">Period start.</param>
/// <param name="PeriodEnd">Period end.</param>
/// <param name="PaidOn">Payment date.</param>
/// <param name="Status">"draft", "approved" or "finalised".</param>
/// <param name="IsAdjustment">An adjusting run.</param>
/// <param name="Employees">Payslips in the run.</param>
/// <param name="Gross">Total gross, dollars.</param>
/// <param name="Withholding">Total PAYG withheld.</param>
/// <param name="Super">Total super guarantee.</param>
/// <param name="Net">Total net pay.</param>
/// <param name="Version">Concurrency version.</param>
/// <param name="SuperDueOn">When the funds must receive the run's super guarantee (payday + 7 days under Payday Super).</param>
public sealed record PayRunSummaryDto(
    Guid Id, int Number, string Frequency, DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly PaidOn, PayRunStage Status, bool IsAdjustment,
    int Employees, decimal Gross, decimal Withholding, decimal Super, decimal Net, long Version, DateOnly? SuperDueOn = null);

/// <summary>A payslip line: hours × rate with the loading, or a salary instalment or commission.</summary>
/// <param name="Kind">"ordinary", "overtime", "salary" or "commission".</param>
/// <param name="Description">What it pays for.</param>
/// <param name="Date">The day, for hours.</param>
/// <param name="Hours">Hours, for hours.</param>
/// <param name="BaseRate">Base hourly rate.</param>
/// <param name="Multiplier">Award multiplier incl. casual loading, e.g. 1.25.</param>
/// <param name="Rate">Loaded hourly rate.</param>
/// <param name="Amount">Dollars.</param>
public sealed record PayslipLineDto(PayslipLineKind Kind, string Description, DateOnly? Date, decimal? Hours, decimal? BaseRate, decimal? Multiplier, decimal? Rate, decimal Amount);

/// <summary>Year-to-date totals for the financial year (1 July–30 June) of the payment date, this payslip included.</summary>
/// <param name="FinancialYear">e.g. "2025-26".</param>
/// <param name="Gross">Gross.</param>
/// <param name="Withholding">PAYG withheld.</param>
/// <param name="Super">Super guarantee.</param>
/// <param name="Net">Net pay.</param>
public sealed record YearToDateDto(string FinancialYear, decimal Gross, decimal Withholding, decimal Super, decimal Net);

/// <summary>A payslip with its working.</summary>
/// <param name="Id">Id.</param>
/// <param name="PayRunId">Its run.</param>
/// <param name="RunNumber">Run number.</param>
/// <param name="RunStatus">The run's status.</param>
/// <param name="UserId">Employee.</param>
/// <param name="EmployeeName">Name.</param>
/// <param name="EmployerName">The location's name.</param>
/// <param name="EmployerAbn">The location's ABN, formatted "NN NNN NNN NNN" (null when not recorded).</param>
/// <param name="PeriodStart">Period start.</param>
/// <param name="PeriodEnd">Period end.</param>
/// <param name="PaidOn">Payment date.</param>
/// <param name="EmploymentType">Employment type.</param>
/// <param name="PayBasis">Pay basis.</param>
/// <param name="TaxScale">NAT 1004 scale.</param>
/// <param name="Hours">Total hours paid.</param>
/// <param name="Gross">Gross pay.</param>
/// <param name="OrdinaryTimeEarnings">Of which ordinary time earnings.</param>
/// <param name="Withholding">PAYG withheld.</param>
/// <param name="Super">Super guarantee (paid to the fund, not in net).</param>
/// <param name="Net">Net pay to the bank account.</param>
/// <param name="WithholdingTable">The ATO table used.</param>
/// <param name="Lines">Earnings lines.</param>
/// <param name="WithholdingWorking">PAYG working.</param>
/// <param name="SuperWorking">Super working.</param>
/// <param name="SuperFund">Fund name, USI and member number.</param>
/// <param name="BankAccount">"BSB •••-••• account •••234" (masked).</param>
/// <param name="YearToDate">Financial-year totals.</param>
/// <param name="SuperBasis">"payday" (Payday Super, paid from 1 July 2026) or "quarterly".</param>
/// <param name="SuperDueOn">When the fund must receive this payslip's super guarantee.</param>
public sealed record PayslipDto(
    Guid Id, Guid PayRunId, int RunNumber, PayRunStage RunStatus, Guid UserId, string EmployeeName, string EmployerName, string? EmployerAbn,
    DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly PaidOn, string EmploymentType, string PayBasis, int TaxScale, decimal Hours,
    decimal Gross, decimal OrdinaryTimeEarnings, decimal Withholding, decimal Super, decimal Net, string WithholdingTable,
    IReadOnlyList<PayslipLineDto> Lines, IReadOnlyList<string> WithholdingWorking, IReadOnlyList<string> SuperWorking,
    string SuperFund, string BankAccount, YearToDateDto YearToDate, string SuperBasis = "quarterly", DateOnly? SuperDueOn = null);

/// <summary>A pay run with every payslip (the review step).</summary>
/// <param name="Run">The run.</param>
/// <param name="Payslips">Payslips with their working.</param>
/// <param name="Warnings">Things the reviewer should know: timesheets awaiting approval, employees with nothing to pay, employees not calculated.</param>
/// <param name="NotCalculated">Employees left out because a table their pay needs is not known for the payment date.</param>
/// <param name="BankDetailsChanged">Employees whose bank details changed since their last paid run (a second admin approves).</param>
/// <param name="SecondAdminWaived">This gym lets one admin approve such a run (the warnings say so).</param>
public sealed record PayRunDetailDto(PayRunSummaryDto Run, IReadOnlyList<PayslipDto> Payslips, IReadOnlyList<string> Warnings, IReadOnlyList<NotCalculatedEmployeeDto> NotCalculated,
    IReadOnlyList<string>? BankDetailsChanged = null, bool SecondAdminWaived = false);

/// <summary>An employee a pay run could not calculate.</summary>
/// <param name="UserId">The employee.</param>
/// <param name="EmployeeName">Their name.</param>
/// <param name="Rule">The missing figure, e.g. "PAYG withholding scale 5".</param>
/// <param name="Reason">The full explanation, naming the table and the payment date.</param>
public sealed record NotCalculatedEmployeeDto(Guid UserId, string EmployeeName, string Rule, string Reason);

/// <summary>A trainer session completed in the booking system, payable at the trainer's per-session commission.</summary>
/// <param name="TrainerUserId">The trainer.</param>
/// <param name="SessionId">The booking system's session id (recording twice is a no-op).</param>
/// <param name="CompletedOn">The local date the session took place.</param>
/// <param name="Description">e.g. "PT session with Mia Member".</param>
public sealed record CompletedTrainerSession(Guid TrainerUserId, Guid SessionId, DateOnly CompletedOn, string Description);

/// <summary>One pay period of a trainer's delivered sessions: <c>GET /api/payroll/me/trainer-earnings</c>, <c>/trainer/earnings</c>.</summary>
/// <param name="PeriodStart">First day of the pay period (or of the sessions still to be paid).</param>
/// <param name="PeriodEnd">Last day of the pay period (or today, for sessions still to be paid).</param>
/// <param name="PaidOn">The pay day, or null while the sessions wait for the next pay run.</param>
/// <param name="PayRunNumber">The pay run that paid them, or null.</param>
/// <param name="Sessions">Sessions delivered (completed) and recorded as payable work.</param>
/// <param name="Rate">Per-session rate in dollars: as paid in that run, or the current rate for sessions still to be paid; null when the trainer is not paid per session.</param>
/// <param name="Amount">Sessions × rate in dollars, before tax (what the payslip's commission lines pay).</param>
/// <param name="Lines">Each session: date and description.</param>
public sealed record TrainerEarningsPeriodDto(DateOnly PeriodStart, DateOnly PeriodEnd, DateOnly? PaidOn, int? PayRunNumber, int Sessions, decimal? Rate, decimal Amount, IReadOnlyList<TrainerEarningsSessionDto> Lines);

/// <summary>One delivered session as the earnings page lists it.</summary>
public sealed record TrainerEarningsSessionDto(Guid SessionId, DateOnly CompletedOn, string Description);

/// <summary>Bank details in the clear, answered only to an explicit, audited reveal by a payroll admin.</summary>
/// <param name="Bsb">"NNN-NNN".</param>
/// <param name="AccountNumber">The account number.</param>
/// <param name="AccountName">Name on the account (the employer's "user preferred specification" for the gym's own).</param>
public sealed record RevealedBankDetailsDto(string Bsb, string AccountNumber, string AccountName);

/// <summary>One line of the bank details audit: who saw, changed or exported whose account, and when.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">The admin's name ("(system)" for a seed or the start-up encryption step).</param>
/// <param name="Action">"revealed", "changed" or "exported".</param>
/// <param name="Subject">Whose account: the employee's name, or "the gym (employer)".</param>
/// <param name="Detail">What, e.g. "ABA file of pay run 12" or the new account's ending.</param>
public sealed record BankDetailsAuditDto(DateTimeOffset At, string Actor, string Action, string Subject, string Detail);
