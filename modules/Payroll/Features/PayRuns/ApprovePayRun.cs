using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.PayRuns;

/// <summary>
/// Approves a reviewed draft (<c>POST /api/payroll/pay-runs/{id}/approve</c>). A run paying into bank details changed
/// since the employee's last paid run needs a second admin: not its creator, nor whoever made the change (decision 0055).
/// </summary>
internal sealed class ApprovePayRunHandler(TimeProvider time, PayrollBook book, Derrimut.Payroll.Features.BankDetails.BankDetailsBook bank)
{
    public async Task<PayRunDetailDto> HandleAsync(Guid id, Guid approvedBy, CancellationToken cancellationToken)
    {
        var run = await book.FindRunAsync(id, tracked: true, cancellationToken);
        PayrollBook.RequireStatus(run, PayRunStatus.Draft, "approved");
        await bank.RequireSecondAdminAsync(run, approvedBy, cancellationToken);
        run.Status = PayRunStatus.Approved;
        run.ApprovedBy = approvedBy;
        run.ApprovedAt = time.GetUtcNow();
        await book.SaveAsync("version", "Someone else changed this pay run at the same time; reload it.", cancellationToken);
        return await book.GetPayRunAsync(id, cancellationToken);
    }
}

/// <summary>The endpoint of <see cref="ApprovePayRunHandler"/>.</summary>
internal static class ApprovePayRunEndpoint
{
    public static RouteGroupBuilder MapApprovePayRun(this RouteGroupBuilder writes)
    {
        writes.MapPost("/pay-runs/{id:guid}/approve", (Guid id, ClaimsPrincipal me, ApprovePayRunHandler h, CancellationToken ct) => h.HandleAsync(id, PayrollEndpoints.Me(me), ct)).WithName("ApprovePayRun");
        return writes;
    }
}
