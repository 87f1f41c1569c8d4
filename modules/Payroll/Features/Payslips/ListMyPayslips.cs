using Derrimut.Identity.Contracts;
using Derrimut.Organizations.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Derrimut.Payroll.Domain.Earnings;
using Derrimut.Payroll.Domain.Exports;
using Derrimut.Payroll.Domain.Money;
using Derrimut.Payroll.Domain.Rules;
using Derrimut.Payroll.Domain.Superannuation;
using Derrimut.Payroll.Domain.Withholding;
using System.Security.Claims;
using System.Text;
using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Derrimut.Payroll.Features.PayrollText;

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
