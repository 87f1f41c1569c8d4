using System.Security.Cryptography;
using Derrimut.Payroll.Domain.BankFiles;
using Microsoft.AspNetCore.DataProtection;

namespace Derrimut.Payroll.Features.BankDetails;

/// <summary>A BSB and account number together, in the clear (only ever in memory).</summary>
internal sealed record BankAccount(Bsb Bsb, BankAccountNumber AccountNumber)
{
    /// <summary>The last three digits: enough for the holder to recognise their account, useless for paying into it.</summary>
    public string Ending => AccountNumber.Digits[^3..];
}

/// <summary>
/// Encrypts bank details at rest with ASP.NET Core Data Protection (the key ring lives in the database, decision 0021).
/// The purpose names the location and the account's holder (a person, or the location as employer), so a ciphertext
/// copied to another employee's row, or to another gym's, fails to decrypt instead of paying someone else. Decision 0055.
/// </summary>
internal sealed class BankDetailsProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "Derrimut.Payroll.BankDetails.v1";

    /// <summary>The holder of the gym's own (employer) account in the purpose.</summary>
    private const string Employer = "employer";

    public string ProtectForPerson(Guid tenantId, Guid userId, BankAccount account) => Protector(tenantId, Person(userId)).Protect(Plain(account));

    public string ProtectForEmployer(Guid tenantId, BankAccount account) => Protector(tenantId, Employer).Protect(Plain(account));

    /// <summary>Decrypts a person's account; <see cref="ConflictException"/> naming <paramref name="field"/> when it is not theirs or unreadable.</summary>
    public BankAccount UnprotectForPerson(Guid tenantId, Guid userId, string ciphertext, string field) =>
        Unprotect(Protector(tenantId, Person(userId)), ciphertext, field);

    /// <summary>Decrypts the gym's own account; <see cref="ConflictException"/> naming <paramref name="field"/> when unreadable.</summary>
    public BankAccount UnprotectForEmployer(Guid tenantId, string ciphertext, string field) =>
        Unprotect(Protector(tenantId, Employer), ciphertext, field);

    /// <summary>"BSB •••-••• account •••678": how every list and response shows an account.</summary>
    public static string Masked(string ending) => ending.Length == 0 ? "" : $"BSB •••-••• account •••{ending}";

    private static string Person(Guid userId) => "person:" + userId.ToString("N");

    private static string Plain(BankAccount account) => account.Bsb.Digits + "|" + account.AccountNumber.Digits;

    private IDataProtector Protector(Guid tenantId, string holder) => provider.CreateProtector(Purpose, tenantId.ToString("N"), holder);

    private static BankAccount Unprotect(IDataProtector protector, string ciphertext, string field)
    {
        try
        {
            var parts = protector.Unprotect(ciphertext).Split('|');
            return new BankAccount(Bsb.Parse(parts[0]), BankAccountNumber.Parse(parts[1]));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or IndexOutOfRangeException or InvalidBankDetailsException)
        {
            // Copied from another row or gym, or the key ring lost its key: say so (a 409 naming the field), never a 500.
            throw new ConflictException("These bank details can't be read for this person at this gym (they were copied from elsewhere or their key is gone): enter the BSB and account number again.", field);
        }
    }
}
