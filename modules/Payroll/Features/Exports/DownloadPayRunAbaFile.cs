using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Derrimut.Payroll.Features.BankDetails;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Exports;

/// <summary>
/// The ABA (Cemtex) file of a finalised run's net pays (<c>GET /api/payroll/pay-runs/{id}/aba</c>): the one place bank
/// details leave in the clear, decrypted for the bank and audited (who exported which run) before the file is answered.
/// </summary>
internal sealed class DownloadPayRunAbaFileHandler(DerrimutDbContext db, PayrollBook book, BankDetailsProtector protector, BankDetailsBook bank)
{
    public async Task<(string FileName, string Content)> HandleAsync(Guid id, Guid? exportedBy, CancellationToken cancellationToken)
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
        var from = protector.UnprotectForEmployer(book.LocationId, employer.BankAccountCiphertext, "employer");
        var payments = new List<AbaPayment>();
        foreach (var p in payslips)
        {
            // A payslip whose account does not decrypt for this person here is refused by name, never paid elsewhere.
            BankAccount to;
            try
            {
                to = protector.UnprotectForPerson(book.LocationId, p.UserId, p.BankAccountCiphertext, "payslips");
            }
            catch (ConflictException)
            {
                throw new ConflictException($"{p.EmployeeName}'s bank details in this run can't be read for them at this gym: no bank file is made. Pay them in an adjusting run after entering their account again.", "payslips");
            }

            payments.Add(new AbaPayment(to.Bsb, to.AccountNumber, p.AccountName, p.NetCents, reference));
        }

        var batch = new AbaBatch(
            employer.FinancialInstitution, employer.UserName, employer.ApcaUserId, "PAYROLL", run.PaidOn,
            from.Bsb, from.AccountNumber, employer.RemitterName, payments, IncludeBalancingDebit: employer.BalancedFile);
        try
        {
            var content = AbaFileWriter.Write(batch) + AbaFileWriter.RecordSeparator;
            await bank.SaveAuditAsync(exportedBy, "exported", null, $"ABA file of pay run {run.Number} ({payments.Count} payment(s))", cancellationToken);
            return ($"payrun-{run.Number}-{run.PaidOn:yyyyMMdd}.aba", content);
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
        admin.MapGet("/pay-runs/{id:guid}/aba", async (Guid id, ClaimsPrincipal me, DownloadPayRunAbaFileHandler h, CancellationToken ct) =>
        {
            var (name, content) = await h.HandleAsync(id, PayrollEndpoints.Me(me), ct);
            return TypedResults.File(Encoding.ASCII.GetBytes(content), "text/plain", name);
        }).WithName("DownloadPayRunAbaFile");
        return admin;
    }
}
