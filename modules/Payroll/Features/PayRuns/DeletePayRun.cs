using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.PayRuns;

/// <summary>Deletes a draft or approved run, never a finalised one (<c>DELETE /api/payroll/pay-runs/{id}</c>).</summary>
internal sealed class DeletePayRunHandler(DerrimutDbContext db, PayrollBook book)
{
    public async Task HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await book.FindRunAsync(id, tracked: true, cancellationToken);
        if (run.Status == PayRunStatus.Finalised)
        {
            throw new ConflictException($"Pay run {run.Number} is finalised and locked; correct it with an adjusting run.", "status");
        }

        db.Remove(run);
        await book.SaveAsync("version", "Someone else changed this pay run at the same time; reload it.", cancellationToken);
    }
}

/// <summary>The endpoint of <see cref="DeletePayRunHandler"/>.</summary>
internal static class DeletePayRunEndpoint
{
    public static RouteGroupBuilder MapDeletePayRun(this RouteGroupBuilder writes)
    {
        writes.MapDelete("/pay-runs/{id:guid}", async (Guid id, DeletePayRunHandler h, CancellationToken ct) =>
        {
            await h.HandleAsync(id, ct);
            return TypedResults.NoContent();
        }).WithName("DeletePayRun");
        return writes;
    }
}
