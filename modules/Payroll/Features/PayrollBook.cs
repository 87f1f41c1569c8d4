using Derrimut.Identity.Contracts;
using Derrimut.Organizations.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Features.BankDetails;
using Derrimut.Payroll.Domain.Earnings;
using Derrimut.Payroll.Domain.Money;
using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;
using static Derrimut.Payroll.Features.PayrollText;

namespace Derrimut.Payroll.Features;

/// <summary>
/// What payroll's use cases share at the current location: the pay run calculation and its views, the reads one use
/// case hands back after another (a run, the employer, a person's payslips), saving with a lost race as a 409, and the
/// limits. Every query runs under the tenant filter, so another gym's people, timesheets and runs are simply not
/// there; every insert is stamped with this location.
/// </summary>
internal sealed class PayrollBook(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    IStaffDirectory staff,
    IOrganizationDirectory organizations,
    TimeProvider time,
    IServiceProvider services)
{
    internal const decimal MaximumHourlyRate = 1_000m;

    internal const decimal MaximumSalary = 2_000_000m;

    internal const decimal MaximumSessionRate = 2_000m;

    internal const int MaximumTimesheetRangeDays = 93;

    internal Guid LocationId => tenant.Tenant is { IsLocation: true } t ? t.Id : throw new ForbiddenException("Payroll runs at a gym location.");

    /// <summary>Saves; a lost race on a version or a unique index becomes a 409 naming <paramref name="field"/>.</summary>
    internal async Task SaveAsync(string field, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(conflict, field);
        }
    }

    internal async Task<List<TimesheetDayDto>> ToDtosAsync(List<TimesheetEntry> entries, CancellationToken cancellationToken)
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
                e.PaidInRunId is not null ? TimesheetDayStatus.Paid : e.Status == TimesheetStatus.Approved ? TimesheetDayStatus.Approved : TimesheetDayStatus.Submitted, e.Version)),
        ];
    }

    internal static EmployeePaySettingsDto ToDto(EmployeePaySettings s) => new(
        s.UserId,
        new EmployeePaySettingsInput(
            Name(EmploymentTypes, s.EmploymentType), Name(PayBases, s.PayBasis), Dollars(s.AnnualSalaryCents), Dollars(s.HourlyRateCents), Dollars(s.SessionRateCents),
            Name(Frequencies, s.PayFrequency), s.TfnProvided, s.ClaimsTaxFreeThreshold, Name(Residencies, s.Residency), Name(MedicareExemptions, s.MedicareLevyExemption),
            s.SuperFundName, s.SuperFundUsi, s.SuperMemberNumber, null, null, s.AccountName),
        (int)s.Scale,
        ScaleDescription(s.Scale, s.Residency),
        s.Version,
        BankDetailsProtector.Masked(s.AccountNumberEnding),
        s.BankDetailsChangedAt);

    internal static DateOnly ExpectedEnd(PayPeriod frequency, DateOnly start) => frequency switch
    {
        PayPeriod.Weekly => start.AddDays(6),
        PayPeriod.Fortnightly => start.AddDays(13),
        PayPeriod.Monthly => start.AddMonths(1).AddDays(-1),
        PayPeriod.Quarterly => start.AddMonths(3).AddDays(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown pay period."),
    };

    internal static int PeriodsPerYear(PayPeriod frequency) => frequency switch
    {
        PayPeriod.Weekly => 52,
        PayPeriod.Fortnightly => 26,
        PayPeriod.Monthly => 12,
        PayPeriod.Quarterly => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown pay period."),
    };

    internal static void RequireStatus(PayRun run, PayRunStatus wanted, string action)
    {
        if (run.Status != wanted)
        {
            throw new ConflictException(run.Status == PayRunStatus.Finalised
                ? $"Pay run {run.Number} is finalised and locked: it can't be {action}. Correct it with an adjusting run."
                : $"Pay run {run.Number} is {run.Status.ToString().ToLowerInvariant()}, so it can't be {action}.", "status");
        }
    }

    internal async Task<PayRun> FindRunAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.Set<PayRun>() : db.Set<PayRun>().AsNoTracking();
        return await query.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("No such pay run here.");
    }

    /// <summary>
    /// Calculates every employee paid at the run's frequency: salary instalments (not in adjusting runs), approved
    /// unpaid timesheet days with award loadings, and completed unpaid sessions; PAYG by the payment date's table and
    /// super with the quarter's cap. Adds the payslips to the context and sets the run's totals.
    /// </summary>
    internal async Task<List<Payslip>> CalculateAsync(PayRun run, CancellationToken cancellationToken)
    {
        var settings = await db.Set<EmployeePaySettings>().AsNoTracking().Where(s => s.PayFrequency == run.Frequency).ToListAsync(cancellationToken);
        var people = (await staff.ListAsync(cancellationToken)).ToDictionary(p => p.UserId);
        var holidays = (await db.Set<PublicHoliday>().AsNoTracking().Where(h => h.Date >= run.PeriodStart && h.Date <= run.PeriodEnd).Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
        var entries = await db.Set<TimesheetEntry>().AsNoTracking()
            .Where(e => e.WorkDate >= run.PeriodStart && e.WorkDate <= run.PeriodEnd && e.Status == TimesheetStatus.Approved && e.PaidInRunId == null)
            .ToListAsync(cancellationToken);
        var sessions = await db.Set<CompletedSession>().AsNoTracking()
            .Where(c => c.CompletedOn >= run.PeriodStart && c.CompletedOn <= run.PeriodEnd && c.PaidInRunId == null)
            .ToListAsync(cancellationToken);
        var rules = await PayrollRuleStore.LoadAsync(db, cancellationToken);
        var quarter = SuperQuarter.Containing(run.PaidOn);
        var year = FinancialYear.Containing(run.PaidOn);
        var earlier = await (from p in db.Set<Payslip>().AsNoTracking()
                             join r in db.Set<PayRun>().AsNoTracking() on p.PayRunId equals r.Id
                             where r.Status == PayRunStatus.Finalised && r.Id != run.Id
                             select new { p.UserId, p.OrdinaryTimeEarningsCents, p.GrossCents, p.WithholdingCents, r.PaidOn, r.PeriodKey, r.PeriodStart, r.Frequency })
            .ToListAsync(cancellationToken);

        var payslips = new List<Payslip>();
        var notCalculated = new List<NotCalculatedEmployee>();
        foreach (var s in settings.Where(s => people.ContainsKey(s.UserId)).OrderBy(s => people[s.UserId].DisplayName, StringComparer.CurrentCultureIgnoreCase))
        {
            var lines = new List<(EarningsLine Line, DateOnly? Date)>();
            var samePeriod = earlier.Where(x => x.UserId == s.UserId && x.Frequency == run.Frequency && x.PeriodStart == run.PeriodStart).ToList();
            // An adjusting run never pays a salary twice; but an employee the original run could not calculate (a
            // missing table) was paid nothing, so their salary instalment is exactly what that run missed.
            if (s.PayBasis == PayBasis.AnnualSalary && (run.AdjustsRunId is null || samePeriod.Count == 0))
            {
                var instalment = Cents.RoundToWholeCents(s.AnnualSalaryCents!.Value / (decimal)PeriodsPerYear(run.Frequency));
                lines.Add((new EarningsLine(EarningsKind.OrdinaryHours,
                    $"Salary: {Cents.Format(s.AnnualSalaryCents.Value)} a year ÷ {PeriodsPerYear(run.Frequency)} pay periods", instalment), null));
            }

            var mine = entries.Where(e => e.UserId == s.UserId).OrderBy(e => e.WorkDate).ToList();
            var paidEntries = new List<Guid>();
            if (s.HourlyRateCents is { } rate && s.PayBasis != PayBasis.AnnualSalary)
            {
                foreach (var entry in mine)
                {
                    var day = new WorkedDay(KindOf(entry.WorkDate, holidays), entry.OrdinaryHours, entry.OvertimeHours);
                    lines.AddRange(TimesheetEarnings.ForDay(s.EmploymentType, rate, day).Select(l => (l, (DateOnly?)entry.WorkDate)));
                    paidEntries.Add(entry.Id);
                }
            }

            var paidSessions = new List<Guid>();
            if (s.SessionRateCents is { } sessionRate && s.PayBasis == PayBasis.PerSession)
            {
                foreach (var session in sessions.Where(c => c.TrainerUserId == s.UserId).OrderBy(c => c.CompletedOn))
                {
                    lines.Add((EarningsLine.Commission($"Session commission: {session.Description}", sessionRate), session.CompletedOn));
                    paidSessions.Add(session.Id);
                }
            }

            var gross = lines.Sum(l => l.Line.AmountCents);
            if (gross == 0)
            {
                continue;
            }

            // An adjusting run withholds the difference the extra pay makes to the period's withholding.
            var priorGross = run.AdjustsRunId is null ? 0 : samePeriod.Sum(x => x.GrossCents);
            var priorWithheld = run.AdjustsRunId is null ? 0 : samePeriod.Sum(x => x.WithholdingCents);
            WithholdingResult withholding;
            SuperGuaranteeResult super;
            try
            {
                withholding = WithholdingCalculator.Calculate(new WithholdingRequest(Cents.ToDollars(priorGross + gross), run.Frequency, s.Scale, run.PaidOn, s.ScaleResidency), rules);
                // The cap's period: the quarter before Payday Super, the whole financial year from 1 July 2026
                // (qualifying earnings year to date, so the run that crosses the annual base pays the part under it).
                var (from, to) = rules.SuperRuleFor(run.PaidOn).Basis == SuperGuaranteeBasis.Payday ? (year.Start, year.End) : (quarter.Start, quarter.End);
                var alreadyPaid = earlier.Where(x => x.UserId == s.UserId && x.PaidOn >= from && x.PaidOn <= to).Sum(x => x.OrdinaryTimeEarningsCents);
                super = SuperGuaranteeCalculator.Calculate(run.PaidOn, [.. lines.Select(l => l.Line)], alreadyPaid, rules);
            }
            catch (PayrollRuleNotKnownException ex)
            {
                // Name the employee and the missing table; everyone else in the run is still calculated.
                notCalculated.Add(new NotCalculatedEmployee(s.UserId, people[s.UserId].DisplayName, ex.Rule, ex.Message));
                continue;
            }

            var withheld = Math.Max(0, withholding.WithholdingCents - priorWithheld);
            var working = withholding.Working.ToList();
            if (run.AdjustsRunId is not null)
            {
                working.Add($"Adjusting run: withholding on the period's total gross {Cents.Format(priorGross + gross)} is {Cents.Format(withholding.WithholdingCents)}; {Cents.Format(priorWithheld)} was already withheld, so {Cents.Format(withheld)} is withheld now.");
            }

            var payslip = new Payslip
            {
                PayRunId = run.Id,
                UserId = s.UserId,
                EmployeeName = people[s.UserId].DisplayName,
                EmploymentType = s.EmploymentType,
                PayBasis = s.PayBasis,
                Scale = (int)s.Scale,
                Hours = lines.Sum(l => l.Line.Hours ?? 0m),
                GrossCents = gross,
                OrdinaryTimeEarningsCents = super.OrdinaryTimeEarningsCents,
                WithholdingCents = withheld,
                SuperCents = super.ContributionCents,
                NetCents = gross - withheld,
                WithholdingTable = withholding.Table,
                // The settings' ciphertext is bound to this gym and this person, which a payslip shares: a copy reads.
                BankAccountCiphertext = s.BankAccountCiphertext,
                AccountNumberEnding = s.AccountNumberEnding,
                BankDetailsRevision = s.BankDetailsRevision,
                BankDetailsChangedBy = s.BankDetailsChangedBy,
                AccountName = s.AccountName,
                SuperFundName = s.SuperFundName,
                SuperFundUsi = s.SuperFundUsi,
                SuperMemberNumber = s.SuperMemberNumber,
                SuperBasis = super.Basis.ToString(),
                SuperDueOn = super.DueOn,
                Lines = [.. lines.Select(l => new PayslipLine(KindName(l.Line), l.Line.Description, l.Line.AmountCents, l.Date, l.Line.Hours, l.Line.BaseRateCents, l.Line.Multiplier, l.Line.RateCents))],
                WithholdingWorking = working,
                SuperWorking = [.. super.Working],
                TimesheetEntryIds = paidEntries,
                SessionIds = paidSessions,
            };
            payslips.Add(payslip);
            db.Add(payslip);
        }

        if (payslips.Count == 0 && notCalculated.Count > 0)
        {
            // Nobody could be paid: the date itself is the problem (e.g. no super rule for that financial year).
            throw new ValidationException("paidOn", string.Join(" ", notCalculated.Select(n => $"{n.EmployeeName}: {n.Reason}").Distinct()));
        }

        run.NotCalculated = notCalculated;
        run.SuperDueOn = payslips.Select(p => p.SuperDueOn).FirstOrDefault(d => d is not null);
        run.GrossCents = payslips.Sum(p => p.GrossCents);
        run.WithholdingCents = payslips.Sum(p => p.WithholdingCents);
        run.SuperCents = payslips.Sum(p => p.SuperCents);
        run.NetCents = payslips.Sum(p => p.NetCents);
        run.CalculatedAt = time.GetUtcNow();
        return payslips;
    }

    internal static string KindName(EarningsLine line) => line.Kind switch
    {
        EarningsKind.Overtime => "overtime",
        EarningsKind.Commission => "commission",
        _ when line.Hours is null => "salary",
        _ => "ordinary",
    };

    internal async Task<PayRunDetailDto> DetailAsync(PayRun run, List<Payslip> payslips, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        warnings.AddRange(run.NotCalculated.Select(n => $"Not calculated: {n.EmployeeName} ({n.Rule}). {n.Reason}"));
        if (run.Status != PayRunStatus.Finalised)
        {
            var waiting = await db.Set<TimesheetEntry>().AsNoTracking()
                .CountAsync(e => e.WorkDate >= run.PeriodStart && e.WorkDate <= run.PeriodEnd && e.Status == TimesheetStatus.Submitted, cancellationToken);
            if (waiting > 0)
            {
                warnings.Add($"{waiting} timesheet day(s) in this period are waiting for approval and are not in this run.");
            }

            var people = await staff.ListAsync(cancellationToken);
            var withSettings = await db.Set<EmployeePaySettings>().AsNoTracking().Select(s => s.UserId).ToListAsync(cancellationToken);
            var missing = people.Where(p => !withSettings.Contains(p.UserId)).Select(p => p.DisplayName).ToList();
            if (missing.Count > 0)
            {
                warnings.Add($"No pay settings yet (not paid): {string.Join(", ", missing)}.");
            }
        }

        // Resolved here, not injected: BankDetailsBook's own dependencies would otherwise be built for every payroll read.
        var bank = services.GetRequiredService<BankDetailsBook>();
        var changed = await bank.ChangedSinceLastPaidAsync(run, payslips, cancellationToken);
        var waived = changed.Count > 0 && await bank.SingleAdminMayApproveAsync(cancellationToken);
        if (run.Status == PayRunStatus.Draft)
        {
            warnings.AddRange(await bank.WarningsAsync(run, payslips, cancellationToken));
        }

        var ordered = payslips.OrderBy(p => p.EmployeeName, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new PayRunDetailDto(Summary(run, payslips.Count), await PayslipDtosAsync(run, ordered, cancellationToken), warnings,
            [.. run.NotCalculated.Select(n => new NotCalculatedEmployeeDto(n.UserId, n.EmployeeName, n.Rule, n.Reason))],
            [.. changed.Select(p => p.EmployeeName).Order(StringComparer.CurrentCultureIgnoreCase)], waived);
    }

    internal async Task<List<PayslipDto>> PayslipDtosAsync(PayRun run, IReadOnlyList<Payslip> payslips, CancellationToken cancellationToken)
    {
        var location = tenant.Tenant!;
        var abn = await organizations.FindAbnAsync(location.Id, cancellationToken);
        var year = FinancialYear.Containing(run.PaidOn);
        var userIds = payslips.Select(p => p.UserId).ToList();
        var yearRows = await (from p in db.Set<Payslip>().AsNoTracking()
                              join r in db.Set<PayRun>().AsNoTracking() on p.PayRunId equals r.Id
                              where userIds.Contains(p.UserId) && r.Status == PayRunStatus.Finalised && r.Id != run.Id
                                    && r.PaidOn >= year.Start && r.PaidOn <= run.PaidOn
                              select new { p.UserId, p.GrossCents, p.WithholdingCents, p.SuperCents, p.NetCents })
            .ToListAsync(cancellationToken);
        return
        [
            .. payslips.Select(p =>
            {
                var before = yearRows.Where(y => y.UserId == p.UserId).ToList();
                var ytd = new YearToDateDto(year.Label,
                    Dollars(before.Sum(y => y.GrossCents) + p.GrossCents), Dollars(before.Sum(y => y.WithholdingCents) + p.WithholdingCents),
                    Dollars(before.Sum(y => y.SuperCents) + p.SuperCents), Dollars(before.Sum(y => y.NetCents) + p.NetCents));
                return new PayslipDto(p.Id, run.Id, run.Number, Stage(run.Status), p.UserId, p.EmployeeName, location.Name,
                    abn is null ? null : FormatAbn(abn), run.PeriodStart, run.PeriodEnd, run.PaidOn, Name(EmploymentTypes, p.EmploymentType), Name(PayBases, p.PayBasis),
                    p.Scale, p.Hours, Dollars(p.GrossCents), Dollars(p.OrdinaryTimeEarningsCents), Dollars(p.WithholdingCents), Dollars(p.SuperCents), Dollars(p.NetCents),
                    p.WithholdingTable,
                    [.. p.Lines.Select(l => new PayslipLineDto(PayrollText.LineKind(l.Kind), l.Description, l.Date, l.Hours, Dollars(l.BaseRateCents), l.Multiplier, Dollars(l.RateCents), Dollars(l.AmountCents)))],
                    p.WithholdingWorking, p.SuperWorking,
                    $"{p.SuperFundName} (USI {p.SuperFundUsi}), member {p.SuperMemberNumber}",
                    BankDetailsProtector.Masked(p.AccountNumberEnding),
                    ytd,
                    p.SuperBasis == nameof(SuperGuaranteeBasis.Payday) ? "payday" : "quarterly",
                    p.SuperDueOn);
            }),
        ];
    }

    internal static PayRunStage Stage(PayRunStatus status) => status switch
    {
        PayRunStatus.Draft => PayRunStage.Draft,
        PayRunStatus.Approved => PayRunStage.Approved,
        PayRunStatus.Finalised => PayRunStage.Finalised,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown pay run status."),
    };

    internal static PayRunSummaryDto Summary(PayRun r, int employees) => new(
        r.Id, r.Number, Name(Frequencies, r.Frequency), r.PeriodStart, r.PeriodEnd, r.PaidOn, Stage(r.Status), r.AdjustsRunId is not null,
        employees, Dollars(r.GrossCents), Dollars(r.WithholdingCents), Dollars(r.SuperCents), Dollars(r.NetCents), r.Version, r.SuperDueOn);

    internal async Task<PayRunDetailDto> GetPayRunAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await FindRunAsync(id, tracked: false, cancellationToken);
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.PayRunId == id).ToListAsync(cancellationToken);
        return await DetailAsync(run, payslips, cancellationToken);
    }

    internal async Task<EmployerPaySettingsInput> GetEmployerAsync(CancellationToken cancellationToken = default)
    {
        var abn = await organizations.FindAbnAsync(LocationId, cancellationToken);
        var employer = await db.Set<EmployerPaySettings>().AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return employer is null
            ? new EmployerPaySettingsInput(FormatAbn(abn), "", "", "", "", "", "", false, false, "")
            : new EmployerPaySettingsInput(FormatAbn(abn), employer.FinancialInstitution, employer.ApcaUserId, employer.UserName,
                "", "", employer.RemitterName, employer.BalancedFile, employer.SingleAdminMayApprove, BankDetailsProtector.Masked(employer.AccountNumberEnding));
    }

    internal async Task<IReadOnlyList<PayslipDto>> MyPayslipsAsync(Guid userId, CancellationToken cancellationToken)
    {
        var rows = await (from p in db.Set<Payslip>().AsNoTracking()
                          join r in db.Set<PayRun>().AsNoTracking() on p.PayRunId equals r.Id
                          where p.UserId == userId && r.Status == PayRunStatus.Finalised
                          select new { p, r }).ToListAsync(cancellationToken);
        var result = new List<PayslipDto>();
        foreach (var group in rows.GroupBy(x => x.r.Id))
        {
            result.AddRange(await PayslipDtosAsync(group.First().r, [.. group.Select(x => x.p)], cancellationToken));
        }

        return [.. result.OrderByDescending(p => p.PaidOn).ThenByDescending(p => p.RunNumber)];
    }
}
