using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Derrimut.Payroll.Features.PayrollText;

namespace Derrimut.Payroll.Features.PayRuns;

/// <summary>Creates a draft pay run, calculated from approved timesheets, salaries and sessions, or an adjusting run for a finalised one (<c>POST /api/payroll/pay-runs</c>).</summary>
internal sealed class CreatePayRunHandler(DerrimutDbContext db, PayrollBook book)
{
    public async Task<PayRunDetailDto> HandleAsync(NewPayRunInput input, Guid createdBy, CancellationToken cancellationToken)
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
            var expectedEnd = PayrollBook.ExpectedEnd(f, s);
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
        var payslips = await book.CalculateAsync(run, cancellationToken);
        await book.SaveAsync("periodStart", "Another pay run for this period (or with this number) was created at the same time; reload the list.", cancellationToken);
        return await book.DetailAsync(run, payslips, cancellationToken);
    }
}

/// <summary>The endpoint of <see cref="CreatePayRunHandler"/>.</summary>
internal static class CreatePayRunEndpoint
{
    public static RouteGroupBuilder MapCreatePayRun(this RouteGroupBuilder writes)
    {
        writes.MapPost("/pay-runs", async (NewPayRunInput body, ClaimsPrincipal me, CreatePayRunHandler h, CancellationToken ct) =>
        {
            var run = await h.HandleAsync(body, PayrollEndpoints.Me(me), ct);
            return TypedResults.Created($"/api/payroll/pay-runs/{run.Run.Id}", run);
        }).WithName("CreatePayRun");
        return writes;
    }
}
