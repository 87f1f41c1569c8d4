using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Domain.BankFiles;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Payslips;

/// <summary>One of a person's own payslips, finalised runs only; someone else's is not found (<c>GET /api/payroll/me/payslips/{id}</c>).</summary>
internal sealed class GetMyPayslipHandler(PayrollBook book)
{
    public async Task<PayslipDto> HandleAsync(Guid userId, Guid payslipId, CancellationToken cancellationToken) =>
        (await book.MyPayslipsAsync(userId, cancellationToken)).FirstOrDefault(p => p.Id == payslipId)
        ?? throw new NotFoundException("No such payslip of yours here.");
}

/// <summary>The endpoint of <see cref="GetMyPayslipHandler"/>.</summary>
internal static class GetMyPayslipEndpoint
{
    public static RouteGroupBuilder MapGetMyPayslip(this RouteGroupBuilder own)
    {
        own.MapGet("/payslips/{id:guid}", (Guid id, ClaimsPrincipal me, GetMyPayslipHandler h, CancellationToken ct) => h.HandleAsync(PayrollEndpoints.Me(me), id, ct))
            .RequireAuthorization(PayrollPermissions.ViewOwnPayslips).WithName("GetMyPayslip");
        return own;
    }
}
