using Derrimut.Payroll.Domain.BankFiles;

namespace Derrimut.Payroll.Features.BankDetails;

/// <summary>Reads a BSB and account number from a form or API body.</summary>
internal static class BankAccountInput
{
    /// <summary>
    /// Both blank: null, "keep the account on record" (what a form showing only the masked account sends back). One
    /// given: both must be valid, each error naming its field.
    /// </summary>
    public static BankAccount? Read(string? bsbInput, string? accountInput, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(bsbInput) && string.IsNullOrWhiteSpace(accountInput))
        {
            return null;
        }

        if (!Bsb.TryParse(bsbInput, out var bsb, out var bsbError))
        {
            errors.Add("bsb", bsbError);
        }

        if (!BankAccountNumber.TryParse(accountInput, out var account, out var accountError))
        {
            errors.Add("accountNumber", accountError);
        }

        return bsb is null || account is null ? null : new BankAccount(bsb, account);
    }
}
