using Derrimut.Organizations.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Features.BankDetails;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Employer;

/// <summary>
/// Saves the employer's ABN and bank details (<c>PUT /api/payroll/employer</c>). The BSB and account number are
/// encrypted for this gym; leaving both out keeps the account on record. A change, and switching the single-admin
/// approval on or off, is audited in the same save.
/// </summary>
internal sealed class SaveEmployerPaySettingsHandler(DerrimutDbContext db, IOrganizationDirectory organizations, PayrollBook book, BankDetailsProtector protector, BankDetailsBook bank,
    Derrimut.BuildingBlocks.Authorization.IStepUp stepUp)
{
    public async Task<EmployerPaySettingsInput> HandleAsync(EmployerPaySettingsInput input, Guid? changedBy, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var institution = input.FinancialInstitution?.Trim().ToUpperInvariant() ?? "";
        errors.AddIf(institution.Length != 3 || !institution.All(char.IsAsciiLetterUpper), "financialInstitution", "The bank's 3-letter code, e.g. CBA, WBC, NAB, ANZ.");
        var apca = input.ApcaUserId?.Trim() ?? "";
        errors.AddIf(apca.Length is < 1 or > 6 || !apca.All(char.IsAsciiDigit), "apcaUserId", "The APCA user id your bank gave you: 1 to 6 digits.");
        errors.Required(input.UserName, "userName", 26);
        errors.Required(input.RemitterName, "remitterName", 16);
        var account = BankAccountInput.Read(input.Bsb, input.AccountNumber, errors);
        errors.ThrowIfAny();
        var employerBefore = await db.Set<EmployerPaySettings>().AsNoTracking().AnyAsync(cancellationToken);
        if (!employerBefore && account is null)
        {
            throw new ValidationException("bsb", "Give the BSB and account number the pay is drawn from.");
        }

        // A new debit account needs the password or a code again (0059), checked before anything (the ABN included) is saved.
        if (account is not null && (await db.Set<EmployerPaySettings>().FirstOrDefaultAsync(cancellationToken) is not { } current || !SameAccount(current, account)))
        {
            await stepUp.RequireRecentAsync(changedBy, "change the gym's bank details", cancellationToken);
        }

        // The ABN lives on the location (Organizations); it validates and names the field "abn" itself.
        await organizations.SetAbnAsync(book.LocationId, input.Abn, cancellationToken);
        var employer = await db.Set<EmployerPaySettings>().FirstOrDefaultAsync(cancellationToken);
        if (employer is null)
        {
            employer = new EmployerPaySettings();
            db.Add(employer);
        }

        employer.FinancialInstitution = institution;
        employer.ApcaUserId = apca;
        employer.UserName = input.UserName!.Trim();
        if (account is not null)
        {
            if (!SameAccount(employer, account))
            {
                bank.Audit(changedBy, "changed", null, $"The gym's account set to one ending {account.Ending}");
            }

            employer.BankAccountCiphertext = protector.ProtectForEmployer(book.LocationId, account);
            employer.AccountNumberEnding = account.Ending;
            employer.LegacyBsb = null;
            employer.LegacyAccountNumber = null;
        }

        if (input.SingleAdminMayApprove is { } single && single != employer.SingleAdminMayApprove)
        {
            employer.SingleAdminMayApprove = single;
            bank.Audit(changedBy, "changed", null, single
                ? "One admin may now approve a pay run with changed bank details (second-admin check waived)"
                : "A pay run with changed bank details again needs a second admin");
        }

        employer.RemitterName = input.RemitterName!.Trim();
        employer.BalancedFile = input.BalancedFile ?? false;
        await book.SaveAsync("bsb", "Someone else saved the employer details at the same time; reload and try again.", cancellationToken);
        return await book.GetEmployerAsync(cancellationToken);
    }

    private bool SameAccount(EmployerPaySettings employer, BankAccount account)
    {
        if (employer.BankAccountCiphertext.Length == 0)
        {
            return false;
        }

        try
        {
            var current = protector.UnprotectForEmployer(book.LocationId, employer.BankAccountCiphertext, "accountNumber");
            return current.Bsb.Digits == account.Bsb.Digits && current.AccountNumber.Digits == account.AccountNumber.Digits;
        }
        catch (ConflictException)
        {
            return false;
        }
    }
}

/// <summary>The endpoint of <see cref="SaveEmployerPaySettingsHandler"/>.</summary>
internal static class SaveEmployerPaySettingsEndpoint
{
    public static RouteGroupBuilder MapSaveEmployerPaySettings(this RouteGroupBuilder writes)
    {
        writes.MapPut("/employer", (EmployerPaySettingsInput body, System.Security.Claims.ClaimsPrincipal me, SaveEmployerPaySettingsHandler h, CancellationToken ct) => h.HandleAsync(body, PayrollEndpoints.Me(me), ct)).WithName("SaveEmployerPaySettings");
        return writes;
    }
}
