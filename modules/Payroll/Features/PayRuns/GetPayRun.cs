using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Domain.BankFiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

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
