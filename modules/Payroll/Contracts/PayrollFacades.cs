namespace Derrimut.Payroll.Contracts;

/// <summary>
/// Payroll administration at the current location: pay settings, employer details, public holidays, timesheets and
/// pay runs — the same rules as <c>/api/payroll</c>. The caller authorizes first (<see cref="PayrollPermissions.ManagePayroll"/>,
/// or the own-timesheet/own-payslip permissions for the <c>My…</c> members).
/// Bad input throws <see cref="Derrimut.BuildingBlocks.Errors.ValidationException"/> naming the API field; a locked
/// record or a lost race throws <see cref="Derrimut.BuildingBlocks.Errors.ConflictException"/>.
/// </summary>
public interface IPayrollAdmin
{
    /// <summary>Everyone who works here, with their pay settings.</summary>
    Task<IReadOnlyList<PayrollEmployeeDto>> ListEmployeesAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces a person's pay settings.</summary>
    Task<EmployeePaySettingsDto> SaveSettingsAsync(Guid userId, EmployeePaySettingsInput input, CancellationToken cancellationToken = default);

    /// <summary>The employer's ABN and bank details (blank fields when not set up).</summary>
    Task<EmployerPaySettingsInput> GetEmployerAsync(CancellationToken cancellationToken = default);

    /// <summary>Saves the employer's ABN and bank details.</summary>
    Task<EmployerPaySettingsInput> SaveEmployerAsync(EmployerPaySettingsInput input, CancellationToken cancellationToken = default);

    /// <summary>This location's public holidays in a year.</summary>
    Task<IReadOnlyList<PublicHolidayDto>> ListHolidaysAsync(int year, CancellationToken cancellationToken = default);

    /// <summary>Adds a public holiday.</summary>
    Task<PublicHolidayDto> AddHolidayAsync(PublicHolidayInput input, CancellationToken cancellationToken = default);

    /// <summary>Removes a public holiday.</summary>
    Task RemoveHolidayAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Timesheet days in a date range (at most 93 days), optionally for one person.</summary>
    Task<IReadOnlyList<TimesheetDayDto>> ListTimesheetsAsync(DateOnly from, DateOnly to, Guid? userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Enters a day's hours. <paramref name="asAdmin"/>: an admin entering for anyone (the day stays as it was
    /// approved or not); otherwise the person entering their own day, which (re)submits it for approval.
    /// </summary>
    Task<TimesheetDayDto> SaveTimesheetDayAsync(Guid userId, DateOnly date, TimesheetDayInput input, Guid enteredBy, bool asAdmin, CancellationToken cancellationToken = default);

    /// <summary>Approves timesheet days.</summary>
    Task<IReadOnlyList<TimesheetDayDto>> ApproveTimesheetDaysAsync(IReadOnlyList<Guid> entryIds, Guid approvedBy, CancellationToken cancellationToken = default);

    /// <summary>Pay runs, newest first.</summary>
    Task<IReadOnlyList<PayRunSummaryDto>> ListPayRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates a draft pay run, calculated from approved timesheets, salaries and sessions.</summary>
    Task<PayRunDetailDto> CreatePayRunAsync(NewPayRunInput input, Guid createdBy, CancellationToken cancellationToken = default);

    /// <summary>A pay run with its payslips and working.</summary>
    Task<PayRunDetailDto> GetPayRunAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Recalculates a draft (after timesheet or settings changes).</summary>
    Task<PayRunDetailDto> RecalculatePayRunAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Approves a reviewed draft.</summary>
    Task<PayRunDetailDto> ApprovePayRunAsync(Guid id, Guid approvedBy, CancellationToken cancellationToken = default);

    /// <summary>Finalises an approved run: locks it and marks its timesheets and sessions paid.</summary>
    Task<PayRunDetailDto> FinalisePayRunAsync(Guid id, Guid finalisedBy, CancellationToken cancellationToken = default);

    /// <summary>Deletes a draft or approved run (never a finalised one).</summary>
    Task DeletePayRunAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The ABA (Cemtex) file of a finalised run's net pays.</summary>
    Task<(string FileName, string Content)> AbaFileAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The run as CSV.</summary>
    Task<(string FileName, string Content)> CsvAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>A finalised run's super guarantee contributions as clearing-house CSV (one line per employee and fund).</summary>
    Task<(string FileName, string Content)> SuperContributionsCsvAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>One payslip of a run.</summary>
    Task<PayslipDto> GetPayslipAsync(Guid payslipId, CancellationToken cancellationToken = default);

    /// <summary>A person's own payslips from finalised runs, newest first.</summary>
    Task<IReadOnlyList<PayslipDto>> MyPayslipsAsync(Guid userId, CancellationToken cancellationToken = default);

    /// <summary>One of a person's own payslips (finalised runs only; someone else's is not found).</summary>
    Task<PayslipDto> MyPayslipAsync(Guid userId, Guid payslipId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The seam through which bookings feed completed trainer sessions to payroll as payable work. Bookings sits below
/// Payroll in the module order, so Bookings publishes a "session completed" event and Payroll's handler calls this;
/// until then the demo seed and tests call it directly. Runs in the session's location scope.
/// </summary>
public interface ITrainerSessionPayables
{
    /// <summary>Records a completed session (idempotent by <see cref="CompletedTrainerSession.SessionId"/>).</summary>
    /// <returns>False when the session was already recorded.</returns>
    Task<bool> RecordCompletedSessionAsync(CompletedTrainerSession session, CancellationToken cancellationToken = default);
}
