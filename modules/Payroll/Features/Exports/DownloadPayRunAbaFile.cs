using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Exports;

/// <summary>The ABA (Cemtex) file of a finalised run's net pays (<c>GET /api/payroll/pay-runs/{id}/aba</c>).</summary>
internal sealed class DownloadPayRunAbaFileHandler(DerrimutDbContext db, PayrollBook book)
{
    public async Task<(string FileName, string Content)> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var run = await book.FindRunAsync(id, tracked: false, cancellationToken);
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
}

/// <summary>The endpoint of <see cref="DownloadPayRunAbaFileHandler"/>.</summary>
internal static class DownloadPayRunAbaFileEndpoint
{
    public static RouteGroupBuilder MapDownloadPayRunAbaFile(this RouteGroupBuilder admin)
    {
        admin.MapGet("/pay-runs/{id:guid}/aba", async (Guid id, DownloadPayRunAbaFileHandler h, CancellationToken ct) =>
        {
            var (name, content) = await h.HandleAsync(id, ct);
            return TypedResults.File(Encoding.ASCII.GetBytes(content), "text/plain", name);
        }).WithName("DownloadPayRunAbaFile");
        return admin;
    }
}
