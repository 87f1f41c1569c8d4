using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Payslips;

/// <summary>One payslip of a run, for payroll staff (<c>GET /api/payroll/payslips/{id}</c>).</summary>
internal sealed class GetPayslipHandler(DerrimutDbContext db, PayrollBook book)
{
    public async Task<PayslipDto> HandleAsync(Guid payslipId, CancellationToken cancellationToken)
    {
        var payslip = await db.Set<Payslip>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == payslipId, cancellationToken)
            ?? throw new NotFoundException("No such payslip here.");
        var run = await book.FindRunAsync(payslip.PayRunId, tracked: false, cancellationToken);
        return (await book.PayslipDtosAsync(run, [payslip], cancellationToken))[0];
    }
}

/// <summary>The endpoint of <see cref="GetPayslipHandler"/>.</summary>
internal static class GetPayslipEndpoint
{
    public static RouteGroupBuilder MapGetPayslip(this RouteGroupBuilder admin)
    {
        admin.MapGet("/payslips/{id:guid}", (Guid id, GetPayslipHandler h, CancellationToken ct) => h.HandleAsync(id, ct)).WithName("GetPayslip");
        return admin;
    }
}
