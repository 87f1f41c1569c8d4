using Derrimut.Identity.Contracts;
using Derrimut.Organizations.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Derrimut.Payroll.Domain.Withholding;
using static Derrimut.Payroll.Features.Administration.PayrollText;

namespace Derrimut.Payroll.Features.Administration;

/// <summary>
/// Payroll administration at the current location. Every query runs under the tenant filter, so another gym's
/// people, timesheets and runs are simply not there; every insert is stamped with this location.
/// </summary>
internal sealed partial class PayrollAdmin(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    IStaffDirectory staff,
    IOrganizationDirectory organizations,
    TimeProvider time) : IPayrollAdmin
{
    private const decimal MaximumHourlyRate = 1_000m;
    private const decimal MaximumSalary = 2_000_000m;
    private const decimal MaximumSessionRate = 2_000m;
    private const int MaximumTimesheetRangeDays = 93;

    public async Task<IReadOnlyList<PayrollEmployeeDto>> ListEmployeesAsync(CancellationToken cancellationToken = default)
    {
        var people = await staff.ListAsync(cancellationToken);
        var settings = await db.Set<EmployeePaySettings>().AsNoTracking().ToDictionaryAsync(s => s.UserId, cancellationToken);
        return [.. people.Select(p => new PayrollEmployeeDto(p.UserId, p.DisplayName, p.Email, p.Roles, settings.TryGetValue(p.UserId, out var s) ? ToDto(s) : null))];
    }

    public async Task<EmployeePaySettingsDto> SaveSettingsAsync(Guid userId, EmployeePaySettingsInput input, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var employment = Parse(EmploymentTypes, input.EmploymentType, "employmentType", errors);
        var basis = Parse(PayBases, input.PayBasis, "payBasis", errors);
        var frequency = Parse(Frequencies, input.PayFrequency, "payFrequency", errors);
        var residency = Parse(Residencies, input.Residency ?? "resident", "residency", errors);
        var medicare = Parse(MedicareExemptions, input.MedicareLevyExemption ?? "none", "medicareLevyExemption", errors);
        errors.AddIf(input.TfnProvided is null, "tfnProvided", "Say whether the employee gave a tax file number.");
        errors.AddIf(input.ClaimsTaxFreeThreshold is null, "claimsTaxFreeThreshold", "Say whether the employee claims the tax-free threshold.");

        long? salary = null, hourly = null, session = null;
        switch (basis)
        {
            case PayBasis.AnnualSalary:
                salary = Money(input.AnnualSalary, "annualSalary", MaximumSalary, errors);
                errors.AddIf(employment == Domain.Earnings.EmploymentType.Casual, "payBasis", "Casuals are paid by the hour, not a salary.");
                break;
            case PayBasis.HourlyRate:
                hourly = Money(input.HourlyRate, "hourlyRate", MaximumHourlyRate, errors);
                break;
            case PayBasis.PerSession:
                session = Money(input.SessionRate, "sessionRate", MaximumSessionRate, errors);
                hourly = input.HourlyRate is null ? null : Money(input.HourlyRate, "hourlyRate", MaximumHourlyRate, errors);
                break;
        }

        if (input.TfnProvided == true && residency == TaxResidency.Foreign)
        {
            errors.AddIf(input.ClaimsTaxFreeThreshold == true, "claimsTaxFreeThreshold", "Foreign residents cannot claim the tax-free threshold.");
            errors.AddIf(medicare is not null and not MedicareLevyExemption.None, "medicareLevyExemption", "Foreign residents do not pay the Medicare levy, so there is no exemption to claim.");
        }

        if (input.TfnProvided == true && residency == TaxResidency.Resident && medicare is not null and not MedicareLevyExemption.None)
        {
            errors.AddIf(input.ClaimsTaxFreeThreshold != true, "medicareLevyExemption", "Scales 5 and 6 (Medicare levy exemption) apply with the tax-free threshold claimed.");
        }

        errors.Required(input.SuperFundName, "superFundName", 100);
        if (string.IsNullOrWhiteSpace(input.SuperFundUsi))
        {
            errors.Add("superFundUsi", "Give the fund's USI (or ABN for a self-managed fund).");
        }
        else
        {
            var usi = input.SuperFundUsi.Trim();
            errors.AddIf(usi.Length > 20 || !usi.All(char.IsAsciiLetterOrDigit), "superFundUsi", "A USI is up to 20 letters and digits, e.g. STA0100AU; an ABN is 11 digits.");
        }

        errors.Required(input.SuperMemberNumber, "superMemberNumber", 20);
        if (!Bsb.TryParse(input.Bsb, out var bsb, out var bsbError))
        {
            errors.Add("bsb", bsbError);
        }

        if (!BankAccountNumber.TryParse(input.AccountNumber, out var account, out var accountError))
        {
            errors.Add("accountNumber", accountError);
        }

        errors.Required(input.AccountName, "accountName", 32);
        errors.ThrowIfAny();

        if (await staff.FindAsync(userId, cancellationToken) is null)
        {
            throw new NotFoundException("This person does not work at this gym (pay settings are for trainers, staff and admins).");
        }

        var settings = await db.Set<EmployeePaySettings>().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is null)
        {
            settings = new EmployeePaySettings { UserId = userId };
            db.Add(settings);
        }

        settings.EmploymentType = employment!.Value;
        settings.PayBasis = basis!.Value;
        settings.AnnualSalaryCents = salary;
        settings.HourlyRateCents = hourly;
        settings.SessionRateCents = session;
        settings.PayFrequency = frequency!.Value;
        settings.TfnProvided = input.TfnProvided!.Value;
        settings.ClaimsTaxFreeThreshold = input.ClaimsTaxFreeThreshold!.Value;
        settings.Residency = residency!.Value;
        settings.MedicareLevyExemption = medicare!.Value;
        settings.SuperFundName = input.SuperFundName!.Trim();
        settings.SuperFundUsi = input.SuperFundUsi!.Trim().ToUpperInvariant();
        settings.SuperMemberNumber = input.SuperMemberNumber!.Trim();
        settings.Bsb = bsb!.Digits;
        settings.AccountNumber = account!.Digits;
        settings.AccountName = input.AccountName!.Trim();
        await SaveAsync("userId", "Someone else saved this person's pay settings at the same time; reload and try again.", cancellationToken);
        return ToDto(settings);
    }

    public async Task<EmployerPaySettingsInput> GetEmployerAsync(CancellationToken cancellationToken = default)
    {
        var abn = await organizations.FindAbnAsync(LocationId, cancellationToken);
        var employer = await db.Set<EmployerPaySettings>().AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return employer is null
            ? new EmployerPaySettingsInput(FormatAbn(abn), "", "", "", "", "", "", false)
            : new EmployerPaySettingsInput(FormatAbn(abn), employer.FinancialInstitution, employer.ApcaUserId, employer.UserName,
                Bsb.Parse(employer.Bsb).ToString(), employer.AccountNumber, employer.RemitterName, employer.BalancedFile);
    }

    public async Task<EmployerPaySettingsInput> SaveEmployerAsync(EmployerPaySettingsInput input, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var institution = input.FinancialInstitution?.Trim().ToUpperInvariant() ?? "";
        errors.AddIf(institution.Length != 3 || !institution.All(char.IsAsciiLetterUpper), "financialInstitution", "The bank's 3-letter code, e.g. CBA, WBC, NAB, ANZ.");
        var apca = input.ApcaUserId?.Trim() ?? "";
        errors.AddIf(apca.Length is < 1 or > 6 || !apca.All(char.IsAsciiDigit), "apcaUserId", "The APCA user id your bank gave you: 1 to 6 digits.");
        errors.Required(input.UserName, "userName", 26);
        errors.Required(input.RemitterName, "remitterName", 16);
        if (!Bsb.TryParse(input.Bsb, out var bsb, out var bsbError))
        {
            errors.Add("bsb", bsbError);
        }

        if (!BankAccountNumber.TryParse(input.AccountNumber, out var account, out var accountError))
        {
            errors.Add("accountNumber", accountError);
        }

        errors.ThrowIfAny();

        // The ABN lives on the location (Organizations); it validates and names the field "abn" itself.
        await organizations.SetAbnAsync(LocationId, input.Abn, cancellationToken);
        var employer = await db.Set<EmployerPaySettings>().FirstOrDefaultAsync(cancellationToken);
        if (employer is null)
        {
            employer = new EmployerPaySettings();
            db.Add(employer);
        }

        employer.FinancialInstitution = institution;
        employer.ApcaUserId = apca;
        employer.UserName = input.UserName!.Trim();
        employer.Bsb = bsb!.Digits;
        employer.AccountNumber = account!.Digits;
        employer.RemitterName = input.RemitterName!.Trim();
        employer.BalancedFile = input.BalancedFile ?? false;
        await SaveAsync("bsb", "Someone else saved the employer details at the same time; reload and try again.", cancellationToken);
        return await GetEmployerAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<PublicHolidayDto>> ListHolidaysAsync(int year, CancellationToken cancellationToken = default)
    {
        if (year is < 2000 or > 2100)
        {
            throw new ValidationException("year", "Give a year between 2000 and 2100.");
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var holidays = await db.Set<PublicHoliday>().AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(cancellationToken);
        return [.. holidays.Select(h => new PublicHolidayDto(h.Id, h.Date, h.Name))];
    }

    public async Task<PublicHolidayDto> AddHolidayAsync(PublicHolidayInput input, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        errors.AddIf(input.Date is null, "date", "Give the date, yyyy-MM-dd.");
        errors.Required(input.Name, "name", 100);
        errors.ThrowIfAny();
        if (await db.Set<PublicHoliday>().AnyAsync(h => h.Date == input.Date, cancellationToken))
        {
            throw new ConflictException($"{Iso(input.Date!.Value)} is already a public holiday here.", "date");
        }

        var holiday = new PublicHoliday { Date = input.Date!.Value, Name = input.Name!.Trim() };
        db.Add(holiday);
        await SaveAsync("date", $"{Iso(holiday.Date)} is already a public holiday here.", cancellationToken);
        return new PublicHolidayDto(holiday.Id, holiday.Date, holiday.Name);
    }

    public async Task RemoveHolidayAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var holiday = await db.Set<PublicHoliday>().FirstOrDefaultAsync(h => h.Id == id, cancellationToken)
            ?? throw new NotFoundException("No such public holiday here.");
        db.Remove(holiday);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TimesheetDayDto>> ListTimesheetsAsync(DateOnly from, DateOnly to, Guid? userId, CancellationToken cancellationToken = default)
    {
        if (to < from || to.DayNumber - from.DayNumber >= MaximumTimesheetRangeDays)
        {
            throw new ValidationException("to", $"Give a range of at most {MaximumTimesheetRangeDays} days, 'to' on or after 'from'.");
        }

        var query = db.Set<TimesheetEntry>().AsNoTracking().Where(e => e.WorkDate >= from && e.WorkDate <= to);
        if (userId is { } id)
        {
            query = query.Where(e => e.UserId == id);
        }

        var entries = await query.OrderBy(e => e.WorkDate).ToListAsync(cancellationToken);
        return await ToDtosAsync(entries, cancellationToken);
    }

    public async Task<TimesheetDayDto> SaveTimesheetDayAsync(Guid userId, DateOnly date, TimesheetDayInput input, Guid enteredBy, bool asAdmin, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var ordinary = input.OrdinaryHours ?? 0m;
        var overtime = input.OvertimeHours ?? 0m;
        errors.AddIf(ordinary is < 0m or > 24m || decimal.Round(ordinary, 2) != ordinary, "ordinaryHours", "Hours are 0 to 24, with at most two decimals (e.g. 7.5).");
        errors.AddIf(overtime is < 0m or > 24m || decimal.Round(overtime, 2) != overtime, "overtimeHours", "Hours are 0 to 24, with at most two decimals.");
        errors.AddIf(ordinary + overtime > 24m, "overtimeHours", "A day has at most 24 hours.");
        errors.MaxLength(input.Note, "note", 500);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        errors.AddIf(date > today.AddDays(1), "date", "Hours can't be entered for a day that hasn't happened yet.");
        errors.ThrowIfAny();

        if (await staff.FindAsync(userId, cancellationToken) is null)
        {
            throw new NotFoundException("This person does not work at this gym.");
        }

        var entry = await db.Set<TimesheetEntry>().FirstOrDefaultAsync(e => e.UserId == userId && e.WorkDate == date, cancellationToken);
        if (entry?.PaidInRunId is not null)
        {
            throw new ConflictException($"The hours for {Iso(date)} were paid in a finalised pay run and are locked; correct them with an adjusting run.", "date");
        }

        if (entry is null)
        {
            entry = new TimesheetEntry { UserId = userId, WorkDate = date, Status = TimesheetStatus.Submitted };
            db.Add(entry);
        }
        else if (!asAdmin || (entry.OrdinaryHours != ordinary || entry.OvertimeHours != overtime))
        {
            // Changed hours need a fresh approval, unless an admin enters them (they approve them separately).
            entry.Status = TimesheetStatus.Submitted;
            entry.ApprovedBy = null;
            entry.ApprovedAt = null;
        }

        entry.OrdinaryHours = ordinary;
        entry.OvertimeHours = overtime;
        entry.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        entry.EnteredBy = enteredBy;
        await SaveAsync("date", $"Hours for {Iso(date)} were saved by someone else at the same time; reload and try again.", cancellationToken);
        return (await ToDtosAsync([entry], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<TimesheetDayDto>> ApproveTimesheetDaysAsync(IReadOnlyList<Guid> entryIds, Guid approvedBy, CancellationToken cancellationToken = default)
    {
        if (entryIds.Count is 0 or > 500)
        {
            throw new ValidationException("entryIds", "Give 1 to 500 timesheet day ids to approve.");
        }

        var ids = entryIds.Distinct().ToList();
        var entries = await db.Set<TimesheetEntry>().Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        if (entries.Count != ids.Count)
        {
            throw new NotFoundException("Some of these timesheet days are not at this gym.");
        }

        var now = time.GetUtcNow();
        foreach (var entry in entries.Where(e => e.Status != TimesheetStatus.Approved && e.PaidInRunId is null))
        {
            entry.Status = TimesheetStatus.Approved;
            entry.ApprovedBy = approvedBy;
            entry.ApprovedAt = now;
        }

        await SaveAsync("entryIds", "Some of these days changed while you approved them; reload and approve again.", cancellationToken);
        return await ToDtosAsync(entries, cancellationToken);
    }

    private Guid LocationId => tenant.Tenant is { IsLocation: true } t ? t.Id : throw new ForbiddenException("Payroll runs at a gym location.");

    /// <summary>Saves; a lost race on a version or a unique index becomes a 409 naming <paramref name="field"/>.</summary>
    private async Task SaveAsync(string field, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(conflict, field);
        }
    }

    private async Task<List<TimesheetDayDto>> ToDtosAsync(List<TimesheetEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return [];
        }

        var from = entries.Min(e => e.WorkDate);
        var to = entries.Max(e => e.WorkDate);
        var holidays = (await db.Set<PublicHoliday>().AsNoTracking().Where(h => h.Date >= from && h.Date <= to).Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
        var names = (await staff.ListAsync(cancellationToken)).ToDictionary(p => p.UserId, p => p.DisplayName);
        return
        [
            .. entries.Select(e => new TimesheetDayDto(e.Id, e.UserId, names.GetValueOrDefault(e.UserId, "(no longer here)"), e.WorkDate,
                DayKindName(KindOf(e.WorkDate, holidays)), e.OrdinaryHours, e.OvertimeHours, e.Note,
                e.PaidInRunId is not null ? "paid" : e.Status == TimesheetStatus.Approved ? "approved" : "submitted", e.Version)),
        ];
    }

    private static EmployeePaySettingsDto ToDto(EmployeePaySettings s) => new(
        s.UserId,
        new EmployeePaySettingsInput(
            Name(EmploymentTypes, s.EmploymentType), Name(PayBases, s.PayBasis), Dollars(s.AnnualSalaryCents), Dollars(s.HourlyRateCents), Dollars(s.SessionRateCents),
            Name(Frequencies, s.PayFrequency), s.TfnProvided, s.ClaimsTaxFreeThreshold, Name(Residencies, s.Residency), Name(MedicareExemptions, s.MedicareLevyExemption),
            s.SuperFundName, s.SuperFundUsi, s.SuperMemberNumber, Bsb.Parse(s.Bsb).ToString(), s.AccountNumber, s.AccountName),
        (int)s.Scale,
        ScaleDescription(s.Scale, s.Residency),
        s.Version);
}
