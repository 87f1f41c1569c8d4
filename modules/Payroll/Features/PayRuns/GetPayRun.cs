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

namespace Derrimut.Payroll.Features.PayRuns;

/// <summary>A pay run with its payslips and working, for review (<c>GET /api/payroll/pay-runs/{id}</c>).</summary>
internal sealed class GetPayRunHandler(PayrollBook book)
{
    public Task<PayRunDetailDto> HandleAsync(Guid id, CancellationToken cancellationToken) =>
        book.GetPayRunAsync(id, cancellationToken);
}

/// <summary>The endpoint of <see cref="GetPayRunHandler"/>.</summary>
internal static class GetPayRunEndpoint
{
    public static RouteGroupBuilder MapGetPayRun(this RouteGroupBuilder admin)
    {
        admin.MapGet("/pay-runs/{id:guid}", (Guid id, GetPayRunHandler h, CancellationToken ct) => h.HandleAsync(id, ct)).WithName("GetPayRun");
        return admin;
    }
}
