using Derrimut.Identity.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Derrimut.Payroll.Features.BankDetails;
using Derrimut.Payroll.Domain.Withholding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using static Derrimut.Payroll.Features.PayrollText;

namespace Derrimut.Payroll.Features.PaySettings;

/// <summary>
/// Creates or replaces a person's pay settings (<c>PUT /api/payroll/employees/{userId}/settings</c>). BSB and account
/// number are encrypted for this gym and this person; leaving both out keeps the account on record (lists and the form
/// only ever see its last three digits). A changed account is audited in the same save and emails the employee.
/// </summary>
internal sealed class SaveEmployeePaySettingsHandler(DerrimutDbContext db, IStaffDirectory staff, PayrollBook book, BankDetailsProtector protector, BankDetailsBook bank, TimeProvider time,
    Derrimut.BuildingBlocks.Authorization.IStepUp stepUp)
{
    public async Task<EmployeePaySettingsDto> HandleAsync(Guid userId, EmployeePaySettingsInput input, Guid? changedBy, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var employment = Parse(EmploymentTypes, input.EmploymentType, "employmentType", errors);
        var basis = Parse(PayBases, input.PayBasis, "payBasis", errors);
        var frequency = Parse(Frequencies, input.PayFrequency, "payFrequency", errors);
        var residency = Parse(Residencies, input.Residency ?? "resident", "residency", errors);
        var medicare = Parse(MedicareExemptions, input.MedicareLevyExemption ?? "none", "medicareLevyExemption", errors);
        errors.AddIf(input.TfnProvided is null, "tfnProvided", "Say whether the employee gave a tax file number.");
        errors.AddIf(input.ClaimsTaxFreeThreshold is null, "claimsTaxFreeThreshold", "Say whether the employee claims the tax-free threshold.");

        long? salary = null, hourly = null, session = null;
        switch (basis)
        {
            case PayBasis.AnnualSalary:
                salary = Money(input.AnnualSalary, "annualSalary", PayrollBook.MaximumSalary, errors);
                errors.AddIf(employment == Domain.Earnings.EmploymentType.Casual, "payBasis", "Casuals are paid by the hour, not a salary.");
                break;
            case PayBasis.HourlyRate:
                hourly = Money(input.HourlyRate, "hourlyRate", PayrollBook.MaximumHourlyRate, errors);
                break;
            case PayBasis.PerSession:
                session = Money(input.SessionRate, "sessionRate", PayrollBook.MaximumSessionRate, errors);
                hourly = input.HourlyRate is null ? null : Money(input.HourlyRate, "hourlyRate", PayrollBook.MaximumHourlyRate, errors);
                break;
        }

        if (input.TfnProvided == true && residency == TaxResidency.Foreign)
        {
            errors.AddIf(input.ClaimsTaxFreeThreshold == true, "claimsTaxFreeThreshold", "Foreign residents cannot claim the tax-free threshold.");
            errors.AddIf(medicare is not null and not MedicareLevyExemption.None, "medicareLevyExemption", "Foreign residents do not pay the Medicare levy, so there is no exemption to claim.");
        }

        if (input.TfnProvided == true && residency == TaxResidency.Resident && medicare is not null and not MedicareLevyExemption.None)
        {
            errors.AddIf(input.ClaimsTaxFreeThreshold != true, "medicareLevyExemption", "Scales 5 and 6 (Medicare levy exemption) apply with the tax-free threshold claimed.");
        }

        errors.Required(input.SuperFundName, "superFundName", 100);
        if (string.IsNullOrWhiteSpace(input.SuperFundUsi))
        {
            errors.Add("superFundUsi", "Give the fund's USI (or ABN for a self-managed fund).");
        }
        else
        {
            var usi = input.SuperFundUsi.Trim();
            errors.AddIf(usi.Length > 20 || !usi.All(char.IsAsciiLetterOrDigit), "superFundUsi", "A USI is up to 20 letters and digits, e.g. STA0100AU; an ABN is 11 digits.");
        }

        errors.Required(input.SuperMemberNumber, "superMemberNumber", 20);
        var account = BankAccountInput.Read(input.Bsb, input.AccountNumber, errors);
        errors.Required(input.AccountName, "accountName", 32);
        errors.ThrowIfAny();

        if (await staff.FindAsync(userId, cancellationToken) is null)
        {
            throw new NotFoundException("This person does not work at this gym (pay settings are for trainers, staff and admins).");
        }

        var settings = await db.Set<EmployeePaySettings>().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (settings is null && account is null)
        {
            throw new ValidationException("bsb", "Give the BSB and account number the pay goes into.");
        }

        var isNew = settings is null;
        if (settings is null)
        {
            settings = new EmployeePaySettings { UserId = userId };
            db.Add(settings);
        }

        // Saving the same account again is not a change: no new revision, no second-admin check, no email.
        var changed = account is not null && (isNew || !SameAccount(settings, account));
        if (changed)
        {
            // Where the pay goes is what a fraudster changes: the password or a code again first (0059); nothing saved yet.
            await stepUp.RequireRecentAsync(changedBy, "change bank details", cancellationToken);
            settings.BankAccountCiphertext = protector.ProtectForPerson(book.LocationId, userId, account!);
            settings.AccountNumberEnding = account!.Ending;
            settings.LegacyBsb = null;
            settings.LegacyAccountNumber = null;
            settings.BankDetailsRevision++;
            settings.BankDetailsChangedBy = changedBy;
            settings.BankDetailsChangedAt = time.GetUtcNow();
            bank.Audit(changedBy, "changed", userId, isNew ? $"Recorded an account ending {account.Ending}" : $"Changed to an account ending {account.Ending}");
        }

        settings.EmploymentType = employment!.Value;
        settings.PayBasis = basis!.Value;
        settings.AnnualSalaryCents = salary;
        settings.HourlyRateCents = hourly;
        settings.SessionRateCents = session;
        settings.PayFrequency = frequency!.Value;
        settings.TfnProvided = input.TfnProvided!.Value;
        settings.ClaimsTaxFreeThreshold = input.ClaimsTaxFreeThreshold!.Value;
        settings.Residency = residency!.Value;
        settings.MedicareLevyExemption = medicare!.Value;
        settings.SuperFundName = input.SuperFundName!.Trim();
        settings.SuperFundUsi = input.SuperFundUsi!.Trim().ToUpperInvariant();
        settings.SuperMemberNumber = input.SuperMemberNumber!.Trim();
        settings.AccountName = input.AccountName!.Trim();
        await book.SaveAsync("userId", "Someone else saved this person's pay settings at the same time; reload and try again.", cancellationToken);
        if (changed && !isNew)
        {
            // A first account is on the employee's first payslip; a change is what a fraudster makes, so it is told.
            await bank.TellEmployeeAsync(userId, changedBy, account!.Ending, cancellationToken);
        }

        return PayrollBook.ToDto(settings);
    }

    private bool SameAccount(EmployeePaySettings settings, BankAccount account)
    {
        if (settings.BankAccountCiphertext.Length == 0)
        {
            return false;
        }

        try
        {
            var current = protector.UnprotectForPerson(book.LocationId, settings.UserId, settings.BankAccountCiphertext, "accountNumber");
            return current.Bsb.Digits == account.Bsb.Digits && current.AccountNumber.Digits == account.AccountNumber.Digits;
        }
        catch (ConflictException)
        {
            return false; // Unreadable: entering the account again replaces it (and counts as a change).
        }
    }
}

/// <summary>The endpoint of <see cref="SaveEmployeePaySettingsHandler"/>.</summary>
internal static class SaveEmployeePaySettingsEndpoint
{
    public static RouteGroupBuilder MapSaveEmployeePaySettings(this RouteGroupBuilder writes)
    {
        writes.MapPut("/employees/{userId:guid}/settings", (Guid userId, EmployeePaySettingsInput body, System.Security.Claims.ClaimsPrincipal me, SaveEmployeePaySettingsHandler h, CancellationToken ct) => h.HandleAsync(userId, body, PayrollEndpoints.Me(me), ct))
            .WithName("SaveEmployeePaySettings");
        return writes;
    }
}
