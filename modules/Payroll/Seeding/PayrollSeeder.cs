using Derrimut.Identity.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Data;

namespace Derrimut.Payroll.Seeding;

/// <summary>
/// Every location: Victoria's public holidays for 2026 and 2027 (admins edit the list; a holiday already there is
/// left alone). Development demo data at st-albans and werribee: employer bank details, pay settings for the
/// trainer and the admin, completed PT sessions, a finalised pay run for 1–14 June 2026 and approved hours for the
/// next fortnight, so the payslip, timesheet and pay-run pages have something to show.
/// </summary>
internal sealed class PayrollSeeder : IDataSeedContributor
{
    /// <summary>Victorian public holidays (Public Holidays Act 1993 (Vic); business.vic.gov.au list).</summary>
    internal static readonly (DateOnly Date, string Name)[] VictorianHolidays =
    [
        (new(2026, 1, 1), "New Year's Day"), (new(2026, 1, 26), "Australia Day"), (new(2026, 3, 9), "Labour Day"),
        (new(2026, 4, 3), "Good Friday"), (new(2026, 4, 4), "Saturday before Easter Sunday"), (new(2026, 4, 5), "Easter Sunday"),
        (new(2026, 4, 6), "Easter Monday"), (new(2026, 4, 25), "ANZAC Day"), (new(2026, 6, 8), "King's Birthday"),
        // The Friday before the AFL Grand Final depends on the AFL fixture; check it when the fixture is out.
        (new(2026, 9, 25), "Friday before the AFL Grand Final"), (new(2026, 11, 3), "Melbourne Cup Day"),
        (new(2026, 12, 25), "Christmas Day"), (new(2026, 12, 26), "Boxing Day"), (new(2026, 12, 28), "Boxing Day (additional day)"),
        (new(2027, 1, 1), "New Year's Day"), (new(2027, 1, 26), "Australia Day"), (new(2027, 3, 8), "Labour Day"),
        (new(2027, 3, 26), "Good Friday"), (new(2027, 3, 27), "Saturday before Easter Sunday"), (new(2027, 3, 28), "Easter Sunday"),
        (new(2027, 3, 29), "Easter Monday"), (new(2027, 4, 25), "ANZAC Day"), (new(2027, 6, 14), "King's Birthday"),
        (new(2027, 9, 24), "Friday before the AFL Grand Final"), (new(2027, 11, 2), "Melbourne Cup Day"),
        (new(2027, 12, 25), "Christmas Day"), (new(2027, 12, 26), "Boxing Day"),
        (new(2027, 12, 27), "Christmas Day (additional day)"), (new(2027, 12, 28), "Boxing Day (additional day)"),
    ];

    private const string Domain = "derrimut.localhost";

    public int Order => 30;

    public Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken)
    {
        if (!tenant.IsLocation)
        {
            return;
        }

        var db = context.Services.GetRequiredService<DerrimutDbContext>();
        var existing = (await db.Set<PublicHoliday>().Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var (date, name) in VictorianHolidays.Where(h => !existing.Contains(h.Date)))
        {
            db.Add(new PublicHoliday { Date = date, Name = name });
        }

        await db.SaveChangesAsync(cancellationToken);
        if (context.IncludeDemoData && tenant.Identifier is "st-albans" or "werribee")
        {
            await SeedDemoAsync(tenant, context.Services, db, cancellationToken);
        }
    }

    private static async Task SeedDemoAsync(TenantInfo tenant, IServiceProvider services, DerrimutDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Set<EmployerPaySettings>().AnyAsync(cancellationToken))
        {
            return; // already seeded
        }

        var payroll = services.GetRequiredService<IPayrollAdmin>();
        var sessions = services.GetRequiredService<ITrainerSessionPayables>();
        var people = (await services.GetRequiredService<IStaffDirectory>().ListAsync(cancellationToken)).ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        if (!people.TryGetValue($"trainer@{tenant.Identifier}.{Domain}", out var trainer) || !people.TryGetValue($"admin@{tenant.Identifier}.{Domain}", out var admin))
        {
            return;
        }

        var stAlbans = tenant.Identifier == "st-albans";
        // Keep the location's ABN (Organizations seeds it): saving the employer details saves the ABN too.
        var abn = (await payroll.GetEmployerAsync(cancellationToken)).Abn;
        await payroll.SaveEmployerAsync(new EmployerPaySettingsInput(abn, "CBA", stAlbans ? "301500" : "301501", stAlbans ? "DERRIMUT 24 7 ST ALBANS" : "DERRIMUT 24 7 WERRIBEE", stAlbans ? "063-021" : "063-030",
            stAlbans ? "10452198" : "10457733", stAlbans ? "DERRIMUT STALB" : "DERRIMUT WERRIB", false), cancellationToken);
        await payroll.SaveSettingsAsync(trainer.UserId, new EmployeePaySettingsInput("casual", "per-session", null, 30.68m, 45.00m, "fortnightly", true, true, "resident", "none",
            "AustralianSuper", "STA0100AU", stAlbans ? "40123456" : "40654321", stAlbans ? "062-000" : "033-000", stAlbans ? "12345678" : "87654321", trainer.DisplayName), cancellationToken);
        await payroll.SaveSettingsAsync(admin.UserId, new EmployeePaySettingsInput("full-time", "salary", stAlbans ? 72_000m : 68_500m, null, null, "fortnightly", true, true, "resident", "none",
            "Hostplus", "HOS0001AU", stAlbans ? "7770001" : "7770002", "083-004", stAlbans ? "55500011" : "55500022", admin.DisplayName), cancellationToken);

        var firstFortnight = new DateOnly(2026, 6, 1);
        var approved = new List<Guid>();
        for (var day = 0; day < 28; day++)
        {
            var date = firstFortnight.AddDays(day);
            if (date.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Thursday or DayOfWeek.Saturday || date == new DateOnly(2026, 6, 8))
            {
                var hours = date.DayOfWeek == DayOfWeek.Saturday ? 5m : 7.5m;
                approved.Add((await payroll.SaveTimesheetDayAsync(trainer.UserId, date, new TimesheetDayInput(hours, date.Day == 16 ? 1.5m : 0m, null), admin.UserId, true, cancellationToken)).Id);
            }

            if (date.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday)
            {
                await sessions.RecordCompletedSessionAsync(new CompletedTrainerSession(trainer.UserId, DemoSessionId(tenant.Id, day), date, $"PT session {date:d MMM}"), cancellationToken);
            }
        }

        await payroll.ApproveTimesheetDaysAsync(approved, admin.UserId, cancellationToken);
        var run = await payroll.CreatePayRunAsync(new NewPayRunInput("fortnightly", firstFortnight, firstFortnight.AddDays(13), new DateOnly(2026, 6, 17), null), admin.UserId, cancellationToken);
        await payroll.ApprovePayRunAsync(run.Run.Id, admin.UserId, cancellationToken);
        await payroll.FinalisePayRunAsync(run.Run.Id, admin.UserId, cancellationToken);
    }

    private static Guid DemoSessionId(Guid tenantId, int day)
    {
        var bytes = tenantId.ToByteArray();
        bytes[15] ^= (byte)(day + 1);
        bytes[14] ^= 0x5A;
        return new Guid(bytes);
    }
}
