using Derrimut.Payroll.Data;
using Derrimut.Payroll.Domain.BankFiles;
using Derrimut.Payroll.Features.BankDetails;
using Microsoft.Extensions.Logging;

namespace Derrimut.Payroll.Seeding;

/// <summary>
/// Encrypts bank details stored in the clear before decision 0055: employee settings, the employer's account and every
/// payslip's copy. The migration only loosened the old columns (EF cannot call Data Protection); this step, run with
/// the seeders by the migrator and by the app at start-up, in every location's scope, writes the ciphertext and empties
/// the plaintext in one save per location. Idempotent: a location with nothing in the clear is a single cheap query.
/// A later migration drops the old columns once every deployment has run it.
/// </summary>
internal sealed class BankDetailsEncryptionStep(ILogger<BankDetailsEncryptionStep> logger) : IDataSeedContributor
{
    // Before the payroll seeder, so demo data added later always starts encrypted, beside data already there.
    public int Order => 0;

    public Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken)
    {
        if (!tenant.IsLocation)
        {
            return;
        }

        var db = context.Services.GetRequiredService<DerrimutDbContext>();
        var protector = context.Services.GetRequiredService<BankDetailsProtector>();
        var encrypted = 0;
        foreach (var s in await db.Set<EmployeePaySettings>().Where(x => x.LegacyAccountNumber != null && x.LegacyAccountNumber != "").ToListAsync(cancellationToken))
        {
            if (Read(s.LegacyBsb, s.LegacyAccountNumber) is { } account)
            {
                (s.BankAccountCiphertext, s.AccountNumberEnding, s.LegacyBsb, s.LegacyAccountNumber) = (protector.ProtectForPerson(tenant.Id, s.UserId, account), account.Ending, null, null);
                encrypted++;
            }
        }

        foreach (var e in await db.Set<EmployerPaySettings>().Where(x => x.LegacyAccountNumber != null && x.LegacyAccountNumber != "").ToListAsync(cancellationToken))
        {
            if (Read(e.LegacyBsb, e.LegacyAccountNumber) is { } account)
            {
                (e.BankAccountCiphertext, e.AccountNumberEnding, e.LegacyBsb, e.LegacyAccountNumber) = (protector.ProtectForEmployer(tenant.Id, account), account.Ending, null, null);
                encrypted++;
            }
        }

        foreach (var p in await db.Set<Payslip>().Where(x => x.LegacyAccountNumber != null && x.LegacyAccountNumber != "").ToListAsync(cancellationToken))
        {
            if (Read(p.LegacyBsb, p.LegacyAccountNumber) is { } account)
            {
                (p.BankAccountCiphertext, p.AccountNumberEnding, p.LegacyBsb, p.LegacyAccountNumber) = (protector.ProtectForPerson(tenant.Id, p.UserId, account), account.Ending, null, null);
                encrypted++;
            }
        }

        if (encrypted > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Encrypted {Count} stored bank account(s) at {Location}", encrypted, tenant.Identifier);
        }
    }

    private BankAccount? Read(string? bsb, string? accountNumber)
    {
        if (Bsb.TryParse(bsb, out var b, out _) && BankAccountNumber.TryParse(accountNumber, out var a, out _))
        {
            return new BankAccount(b, a);
        }

        // Never valid, so never payable: left as it was (and logged) rather than silently dropped.
        logger.LogWarning("A stored bank account is not a valid BSB and account number; it stays as it was until re-entered");
        return null;
    }
}
