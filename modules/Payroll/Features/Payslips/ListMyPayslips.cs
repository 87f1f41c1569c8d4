using Derrimut.Payroll.Contracts;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Payslips;

/// <summary>A person's own payslips from finalised runs, newest first (<c>GET /api/payroll/me/payslips</c>).</summary>
internal sealed class ListMyPayslipsHandler(PayrollBook book)
{
    public Task<IReadOnlyList<PayslipDto>> HandleAsync(Guid userId, CancellationToken cancellationToken) =>
        book.MyPayslipsAsync(userId, cancellationToken);
}

/// <summary>The endpoint of <see cref="ListMyPayslipsHandler"/>.</summary>
internal static class ListMyPayslipsEndpoint
{
    public static RouteGroupBuilder MapListMyPayslips(this RouteGroupBuilder own)
    {
        own.MapGet("/payslips", (ClaimsPrincipal me, ListMyPayslipsHandler h, CancellationToken ct) => h.HandleAsync(PayrollEndpoints.Me(me), ct))
            .RequireAuthorization(PayrollPermissions.ViewOwnPayslips).WithName("ListMyPayslips");
        return own;
    }
}
