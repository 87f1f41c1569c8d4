using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Derrimut.Payroll.Domain.Earnings;
using Derrimut.Payroll.Domain.Exports;
using Derrimut.Payroll.Domain.Money;
using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;
using static Derrimut.Payroll.Features.Administration.PayrollText;

namespace Derrimut.Payroll.Features.Administration;

/// <summary>
/// Pay runs: draft (calculated, under review) → approved → finalised (locked). Every state change is one save
/// guarded by the run's version, so two admins finalising at once get one success and one 409.
/// </summary>
internal sealed partial class PayrollAdmin
{
    public async Task<IReadOnlyList<PayRunSummaryDto>> ListPayRunsAsync(CancellationToken cancellationToken = default)
    {
        var runs = await db.Set<PayRun>().AsNoTracking().OrderByDescending(r => r.Number).Take(200).ToListAsync(cancellationToken);
        var counts = await db.Set<Payslip>().AsNoTracking().GroupBy(p => p.PayRunId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. runs.Select(r => Summary(r, counts.GetValueOrDefault(r.Id)))];
    }

    public async Task<PayRunDetailDto> CreatePayRunAsync(NewPayRunInput input, Guid createdBy, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        PayRun? adjusted = null;
        if (input.AdjustsRunId is { } adjustsId)
        {
            adjusted = await db.Set<PayRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == adjustsId, cancellationToken);
            errors.AddIf(adjusted is null, "adjustsRunId", "No such pay run here.");
            errors.AddIf(adjusted is { Status: not PayRunStatus.Finalised }, "adjustsRunId", "Only a finalised run is corrected by an adjusting run; edit or recalculate this one instead.");
        }

        var frequency = adjusted?.Frequency ?? Parse(Frequencies, input.Frequency, "frequency", errors);
        var start = adjusted?.PeriodStart ?? input.PeriodStart;
        var end = adjusted?.PeriodEnd ?? input.PeriodEnd;
        errors.AddIf(start is null, "periodStart", "Give the first day of the pay period.");
        errors.AddIf(end is null, "periodEnd", "Give the last day of the pay period.");
        errors.AddIf(input.PaidOn is null, "paidOn", "Give the payment date.");
        if (frequency is { } f && start is { } s && end is { } e)
        {
            var expectedEnd = ExpectedEnd(f, s);
            errors.AddIf(e != expectedEnd, "periodEnd", $"A {Name(Frequencies, f)} period starting {Iso(s)} ends {Iso(expectedEnd)}.");
            errors.AddIf(input.PaidOn is { } paid && (paid < s || paid > e.AddDays(31)), "paidOn", "The payment date falls in the period or within 31 days after it.");
        }

        errors.ThrowIfAny();
        var number = (await db.Set<PayRun>().MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
        var run = new PayRun
        {
            Number = number,
            Frequency = frequency!.Value,
            PeriodStart = start!.Value,
            PeriodEnd = end!.Value,
            PaidOn = input.PaidOn!.Value,
            Status = PayRunStatus.Draft,
            AdjustsRunId = adjusted?.Id,
            CreatedBy = createdBy,
        };
        run.PeriodKey = $"{Name(Frequencies, run.Frequency)}:{Iso(run.PeriodStart)}" + (adjusted is null ? "" : $":adjusts:{run.Id}");
        if (adjusted is null)
        {
            var overlapping = await db.Set<PayRun>().AsNoTracking()
                .Where(r => r.AdjustsRunId == null && r.Frequency == run.Frequency && r.PeriodStart <= run.PeriodEnd && r.PeriodEnd >= run.PeriodStart)
                .Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);
            if (overlapping != 0)
            {
                throw new ConflictException($"Pay run {overlapping} already covers this {Name(Frequencies, run.Frequency)} period; open it, or correct it with an adjusting run once finalised.", "periodStart");
            }
        }

        db.Add(run);
        var payslips = await CalculateAsync(run, cancellationToken);
        await SaveAsync("periodStart", "Another pay run for this period (or with this number) was created at the same time; reload the list.", cancellationToken);
        return await DetailAsync(run, payslips, cancellationToken);
    }

    public async Task<PayRunDetailDto> GetPayRunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(id, tracked: false, cancellationToken);
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.PayRunId == id).ToListAsync(cancellationToken);
        return await DetailAsync(run, payslips, cancellationToken);
    }

    public async Task<PayRunDetailDto> RecalculatePayRunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(id, tracked: true, cancellationToken);
        RequireStatus(run, PayRunStatus.Draft, "recalculated");
        await db.Set<Payslip>().Where(p => p.PayRunId == id).ExecuteDeleteAsync(cancellationToken);
        var payslips = await CalculateAsync(run, cancellationToken);
        db.Entry(run).State = EntityState.Modified;
        await SaveAsync("version", "Someone else changed this pay run at the same time; reload it.", cancellationToken);
        return await DetailAsync(run, payslips, cancellationToken);
    }

    public async Task<PayRunDetailDto> ApprovePayRunAsync(Guid id, Guid approvedBy, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(id, tracked: true, cancellationToken);
        RequireStatus(run, PayRunStatus.Draft, "approved");
        run.Status = PayRunStatus.Approved;
        run.ApprovedBy = approvedBy;
        run.ApprovedAt = time.GetUtcNow();
        await SaveAsync("version", "Someone else changed this pay run at the same time; reload it.", cancellationToken);
        return await GetPayRunAsync(id, cancellationToken);
    }

    public async Task<PayRunDetailDto> FinalisePayRunAsync(Guid id, Guid finalisedBy, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(id, tracked: true, cancellationToken);
        RequireStatus(run, PayRunStatus.Approved, "finalised");
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.PayRunId == id).ToListAsync(cancellationToken);
        var entryIds = payslips.SelectMany(p => p.TimesheetEntryIds).ToList();
        var sessionIds = payslips.SelectMany(p => p.SessionIds).ToList();
        var entries = await db.Set<TimesheetEntry>().Where(e => entryIds.Contains(e.Id)).ToListAsync(cancellationToken);
        var sessions = await db.Set<CompletedSession>().Where(c => sessionIds.Contains(c.Id)).ToListAsync(cancellationToken);
        if (entries.Count != entryIds.Count || sessions.Count != sessionIds.Count
            || entries.Any(e => e.PaidInRunId is not null || e.Status != TimesheetStatus.Approved) || sessions.Any(c => c.PaidInRunId is not null))
        {
            throw new ConflictException("Timesheets or sessions in this run changed or were paid by another run since it was calculated; move it back to draft by deleting and recreating it.", "version");
        }

        foreach (var entry in entries)
        {
            entry.PaidInRunId = run.Id;
        }

        foreach (var session in sessions)
        {
            session.PaidInRunId = run.Id;
        }

        run.Status = PayRunStatus.Finalised;
        run.FinalisedBy = finalisedBy;
        run.FinalisedAt = time.GetUtcNow();
        // One save: the run's version and every entry's version guard it, so a second finalise (or a racing
        // timesheet edit) fails as a whole and nothing is half-written.
        await SaveAsync("version", "This pay run was finalised or changed by someone else at the same time; reload it.", cancellationToken);
        return await GetPayRunAsync(id, cancellationToken);
    }

    public async Task DeletePayRunAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(id, tracked: true, cancellationToken);
        if (run.Status == PayRunStatus.Finalised)
        {
            throw new ConflictException($"Pay run {run.Number} is finalised and locked; correct it with an adjusting run.", "status");
        }

        db.Remove(run);
        await SaveAsync("version", "Someone else changed this pay run at the same time; reload it.", cancellationToken);
    }

    public async Task<(string FileName, string Content)> AbaFileAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(id, tracked: false, cancellationToken);
        if (run.Status != PayRunStatus.Finalised)
        {
            throw new ConflictException("Bank files are made from finalised runs only: finalise the run first.", "status");
        }

        var employer = await db.Set<EmployerPaySettings>().AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException("Record this gym's bank details (employer settings) before making a bank file.", "employer");
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.PayRunId == id && p.NetCents > 0).OrderBy(p => p.EmployeeName).ToListAsync(cancellationToken);
        if (payslips.Count == 0)
        {
            throw new ConflictException("This run pays no one a net amount, so there is no bank file.", "status");
        }

        var reference = $"PAY {run.PaidOn:yyyyMMdd} R{run.Number}";
        var batch = new AbaBatch(
            employer.FinancialInstitution, employer.UserName, employer.ApcaUserId, "PAYROLL", run.PaidOn,
            Bsb.Parse(employer.Bsb), BankAccountNumber.Parse(employer.AccountNumber), employer.RemitterName,
            [.. payslips.Select(p => new AbaPayment(Bsb.Parse(p.Bsb), BankAccountNumber.Parse(p.AccountNumber), p.AccountName, p.NetCents, reference))],
            IncludeBalancingDebit: employer.BalancedFile);
        try
        {
            return ($"payrun-{run.Number}-{run.PaidOn:yyyyMMdd}.aba", AbaFileWriter.Write(batch) + AbaFileWriter.RecordSeparator);
        }
        catch (InvalidBankDetailsException ex)
        {
            throw new ConflictException($"The bank would reject this file: {ex.Message}", "employer");
        }
    }

    public async Task<(string FileName, string Content)> CsvAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(id, tracked: false, cancellationToken);
        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.PayRunId == id).OrderBy(p => p.EmployeeName).ToListAsync(cancellationToken);
        var csv = PayRunCsv.Write(payslips.Select(p => new PayRunCsvLine(p.EmployeeName, run.PeriodStart, run.PeriodEnd, run.PaidOn, p.Hours, p.GrossCents, p.WithholdingCents, p.SuperCents, p.NetCents)));
        return ($"payrun-{run.Number}-{run.PaidOn:yyyyMMdd}.csv", csv);
    }

    public async Task<(string FileName, string Content)> SuperContributionsCsvAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var run = await FindRunAsync(id, tracked: false, cancellationToken);
        if (run.Status != PayRunStatus.Finalised)
        {
            throw new ConflictException("Super contributions are exported from finalised runs only: finalise the run first.", "status");
        }

        var payslips = await db.Set<Payslip>().AsNoTracking().Where(p => p.PayRunId == id && p.SuperCents > 0).OrderBy(p => p.EmployeeName).ToListAsync(cancellationToken);
        var csv = SuperContributionsCsv.Write(payslips.Select(p => new SuperContributionLine(
            p.EmployeeName, p.SuperFundName, p.SuperFundUsi, p.SuperMemberNumber,
            // The payslip keeps the scale, not the TFN: scale 4 is exactly "no TFN provided".
            TfnProvided: p.Scale != (int)WithholdingScale.Scale4,
            p.OrdinaryTimeEarningsCents, p.SuperCents, run.PeriodStart, run.PeriodEnd, run.PaidOn,
            // Runs finalised before due dates were recorded: the quarterly rule (28 days after the quarter).
            p.SuperDueOn ?? SuperQuarter.Containing(run.PaidOn).End.AddDays(28))));
        return ($"payrun-{run.Number}-{run.PaidOn:yyyyMMdd}-super.csv", csv);
    }

    public async Task<PayslipDto> GetPayslipAsync(Guid payslipId, CancellationToken cancellationToken = default)
    {
        var payslip = await db.Set<Payslip>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == payslipId, cancellationToken)
            ?? throw new NotFoundException("No such payslip here.");
        var run = await FindRunAsync(payslip.PayRunId, tracked: false, cancellationToken);
        return (await PayslipDtosAsync(run, [payslip], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<PayslipDto>> MyPayslipsAsync(Guid userId, CancellationToken cancellationToken = default)
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

    public async Task<PayslipDto> MyPayslipAsync(Guid userId, Guid payslipId, CancellationToken cancellationToken = default) =>
        (await MyPayslipsAsync(userId, cancellationToken)).FirstOrDefault(p => p.Id == payslipId)
        ?? throw new NotFoundException("No such payslip of yours here.");

    private static DateOnly ExpectedEnd(PayPeriod frequency, DateOnly start) => frequency switch
    {
        PayPeriod.Weekly => start.AddDays(6),
        PayPeriod.Fortnightly => start.AddDays(13),
        PayPeriod.Monthly => start.AddMonths(1).AddDays(-1),
        PayPeriod.Quarterly => start.AddMonths(3).AddDays(-1),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown pay period."),
    };

    private static int PeriodsPerYear(PayPeriod frequency) => frequency switch
    {
        PayPeriod.Weekly => 52,
        PayPeriod.Fortnightly => 26,
        PayPeriod.Monthly => 12,
        PayPeriod.Quarterly => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown pay period."),
    };

    private static void RequireStatus(PayRun run, PayRunStatus wanted, string action)
    {
        if (run.Status != wanted)
        {
            throw new ConflictException(run.Status == PayRunStatus.Finalised
                ? $"Pay run {run.Number} is finalised and locked: it can't be {action}. Correct it with an adjusting run."
                : $"Pay run {run.Number} is {run.Status.ToString().ToLowerInvariant()}, so it can't be {action}.", "status");
        }
    }

    private async Task<PayRun> FindRunAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.Set<PayRun>() : db.Set<PayRun>().AsNoTracking();
        return await query.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("No such pay run here.");
    }

    /// <summary>
    /// Calculates every employee paid at the run's frequency: salary instalments (not in adjusting runs), approved
    /// unpaid timesheet days with award loadings, and completed unpaid sessions; PAYG by the payment date's table and
    /// super with the quarter's cap. Adds the payslips to the context and sets the run's totals.
    /// </summary>
    private async Task<List<Payslip>> CalculateAsync(PayRun run, CancellationToken cancellationToken)
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
                Bsb = s.Bsb,
                AccountNumber = s.AccountNumber,
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

    private static string KindName(EarningsLine line) => line.Kind switch
    {
        EarningsKind.Overtime => "overtime",
        EarningsKind.Commission => "commission",
        _ when line.Hours is null => "salary",
        _ => "ordinary",
    };

    private async Task<PayRunDetailDto> DetailAsync(PayRun run, List<Payslip> payslips, CancellationToken cancellationToken)
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

        var ordered = payslips.OrderBy(p => p.EmployeeName, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new PayRunDetailDto(Summary(run, payslips.Count), await PayslipDtosAsync(run, ordered, cancellationToken), warnings,
            [.. run.NotCalculated.Select(n => new NotCalculatedEmployeeDto(n.UserId, n.EmployeeName, n.Rule, n.Reason))]);
    }

    private async Task<List<PayslipDto>> PayslipDtosAsync(PayRun run, IReadOnlyList<Payslip> payslips, CancellationToken cancellationToken)
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
                return new PayslipDto(p.Id, run.Id, run.Number, run.Status.ToString().ToLowerInvariant(), p.UserId, p.EmployeeName, location.Name,
                    abn is null ? null : FormatAbn(abn), run.PeriodStart, run.PeriodEnd, run.PaidOn, Name(EmploymentTypes, p.EmploymentType), Name(PayBases, p.PayBasis),
                    p.Scale, p.Hours, Dollars(p.GrossCents), Dollars(p.OrdinaryTimeEarningsCents), Dollars(p.WithholdingCents), Dollars(p.SuperCents), Dollars(p.NetCents),
                    p.WithholdingTable,
                    [.. p.Lines.Select(l => new PayslipLineDto(l.Kind, l.Description, l.Date, l.Hours, Dollars(l.BaseRateCents), l.Multiplier, Dollars(l.RateCents), Dollars(l.AmountCents)))],
                    p.WithholdingWorking, p.SuperWorking,
                    $"{p.SuperFundName} (USI {p.SuperFundUsi}), member {p.SuperMemberNumber}",
                    $"BSB {Bsb.Parse(p.Bsb)} account ••••{p.AccountNumber[^Math.Min(4, p.AccountNumber.Length)..]}",
                    ytd,
                    p.SuperBasis == nameof(SuperGuaranteeBasis.Payday) ? "payday" : "quarterly",
                    p.SuperDueOn);
            }),
        ];
    }

    private static PayRunSummaryDto Summary(PayRun r, int employees) => new(
        r.Id, r.Number, Name(Frequencies, r.Frequency), r.PeriodStart, r.PeriodEnd, r.PaidOn, r.Status.ToString().ToLowerInvariant(), r.AdjustsRunId is not null,
        employees, Dollars(r.GrossCents), Dollars(r.WithholdingCents), Dollars(r.SuperCents), Dollars(r.NetCents), r.Version, r.SuperDueOn);
}
