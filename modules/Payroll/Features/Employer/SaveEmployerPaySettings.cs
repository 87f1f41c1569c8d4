using Derrimut.Organizations.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Payroll.Features.Employer;

/// <summary>Saves the employer's ABN and bank details (<c>PUT /api/payroll/employer</c>).</summary>
internal sealed class SaveEmployerPaySettingsHandler(DerrimutDbContext db, IOrganizationDirectory organizations, PayrollBook book)
{
    public async Task<EmployerPaySettingsInput> HandleAsync(EmployerPaySettingsInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var institution = input.FinancialInstitution?.Trim().ToUpperInvariant() ?? "";
        errors.AddIf(institution.Length != 3 || !institution.All(char.IsAsciiLetterUpper), "financialInstitution", "The bank's 3-letter code, e.g. CBA, WBC, NAB, ANZ.");
        var apca = input.ApcaUserId?.Trim() ?? "";
        errors.AddIf(apca.Length is < 1 or > 6 || !apca.All(char.IsAsciiDigit), "apcaUserId", "The APCA user id your bank gave you: 1 to 6 digits.");
        errors.Required(input.UserName, "userName", 26);
        errors.Required(input.RemitterName, "remitterName", 16);
        if (!Bsb.TryParse(input.Bsb, out var bsb, out var bsbError))
        {
            errors.Add("bsb", bsbError);
        }

        if (!BankAccountNumber.TryParse(input.AccountNumber, out var account, out var accountError))
        {
            errors.Add("accountNumber", accountError);
        }

        errors.ThrowIfAny();

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
        employer.Bsb = bsb!.Digits;
        employer.AccountNumber = account!.Digits;
        employer.RemitterName = input.RemitterName!.Trim();
        employer.BalancedFile = input.BalancedFile ?? false;
        await book.SaveAsync("bsb", "Someone else saved the employer details at the same time; reload and try again.", cancellationToken);
        return await book.GetEmployerAsync(cancellationToken);
    }
}

/// <summary>The endpoint of <see cref="SaveEmployerPaySettingsHandler"/>.</summary>
internal static class SaveEmployerPaySettingsEndpoint
{
    public static RouteGroupBuilder MapSaveEmployerPaySettings(this RouteGroupBuilder writes)
    {
        writes.MapPut("/employer", (EmployerPaySettingsInput body, SaveEmployerPaySettingsHandler h, CancellationToken ct) => h.HandleAsync(body, ct)).WithName("SaveEmployerPaySettings");
        return writes;
    }
}
