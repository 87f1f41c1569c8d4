using System.Security.Claims;
using Derrimut.Identity.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.BankDetails;

/// <summary>
/// A payroll admin asks to see an account in the clear (<c>POST /api/payroll/employees/{userId}/bank-details/reveal</c>,
/// <c>POST /api/payroll/employer/bank-details/reveal</c>). The reveal is written to the audit trail before the numbers
/// are answered, so no one sees them unrecorded. A POST: it has an effect (the audit row) and must never be prefetched
/// or cached like a GET.
/// </summary>
internal sealed class RevealBankDetailsHandler(DerrimutDbContext db, IStaffDirectory staff, BankDetailsProtector protector, BankDetailsBook book, PayrollBook payroll)
{
    public async Task<RevealedBankDetailsDto> EmployeeAsync(Guid userId, Guid revealedBy, CancellationToken cancellationToken)
    {
        var settings = await db.Set<EmployeePaySettings>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is null || await staff.FindAsync(userId, cancellationToken) is null)
        {
            throw new NotFoundException("No pay settings for this person at this gym.");
        }

        var account = protector.UnprotectForPerson(payroll.LocationId, userId, settings.BankAccountCiphertext, "accountNumber");
        await book.SaveAuditAsync(revealedBy, "revealed", userId, $"Account ending {account.Ending}", cancellationToken);
        return new RevealedBankDetailsDto(account.Bsb.ToString(), account.AccountNumber.Digits, settings.AccountName);
    }

    public async Task<RevealedBankDetailsDto> EmployerAsync(Guid revealedBy, CancellationToken cancellationToken)
    {
        var employer = await db.Set<EmployerPaySettings>().AsNoTracking().FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("This gym's bank details are not recorded yet.");
        var account = protector.UnprotectForEmployer(payroll.LocationId, employer.BankAccountCiphertext, "accountNumber");
        await book.SaveAuditAsync(revealedBy, "revealed", null, $"Account ending {account.Ending}", cancellationToken);
        return new RevealedBankDetailsDto(account.Bsb.ToString(), account.AccountNumber.Digits, employer.UserName);
    }
}

/// <summary>The endpoints of <see cref="RevealBankDetailsHandler"/> and the audit trail's list.</summary>
internal static class BankDetailsEndpoints
{
    public static RouteGroupBuilder MapRevealBankDetails(this RouteGroupBuilder writes)
    {
        writes.MapPost("/employees/{userId:guid}/bank-details/reveal", (Guid userId, ClaimsPrincipal me, RevealBankDetailsHandler h, CancellationToken ct) => h.EmployeeAsync(userId, PayrollEndpoints.Me(me), ct))
            .WithName("RevealEmployeeBankDetails").WithSummary("Shows one employee's BSB and account number in the clear, and records who looked.");
        writes.MapPost("/employer/bank-details/reveal", (ClaimsPrincipal me, RevealBankDetailsHandler h, CancellationToken ct) => h.EmployerAsync(PayrollEndpoints.Me(me), ct))
            .WithName("RevealEmployerBankDetails").WithSummary("Shows the gym's own BSB and account number in the clear, and records who looked.");
        return writes;
    }

    public static RouteGroupBuilder MapBankDetailsAudit(this RouteGroupBuilder admin)
    {
        admin.MapGet("/bank-details/audit", (BankDetailsBook h, CancellationToken ct) => h.ListAuditAsync(ct))
            .WithName("ListBankDetailsAudit").WithSummary("Who revealed, changed or exported bank details at this gym, newest first.");
        return admin;
    }
}
