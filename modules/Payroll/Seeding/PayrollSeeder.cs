using Derrimut.Identity.Contracts;
using Derrimut.Payroll.Contracts;
using Derrimut.Payroll.Features.Timesheets;
using Derrimut.Payroll.Features.PublicHolidays;
using Derrimut.Payroll.Features.Payslips;
using Derrimut.Payroll.Features.PaySettings;
using Derrimut.Payroll.Features.PayRuns;
using Derrimut.Payroll.Features.Exports;
using Derrimut.Payroll.Features.Employer;
using Derrimut.Payroll.Data;

namespace Derrimut.Payroll.Seeding;

/// <summary>
/// Platform: the dated tax tables and super rules, from the code's tables. Every location: Victoria's public holidays
/// for 2026 and 2027 (admins edit the list; a holiday already there is left alone). Development demo data at
/// st-albans and werribee, relative to today: employer bank details, pay settings for the trainer and the admin,
/// timesheets and completed PT sessions, finalised fortnightly pay runs up to the last completed fortnight (back to
/// the start of the financial year), and approved hours for the fortnight under way, so payslips and year-to-date
/// figures look like a gym that has been paying its staff.
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

    /// <summary>The dated tax tables and super rules (platform data), from the code's tables; never overwrites a row.</summary>
    public Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken) =>
        PayrollRuleStore.SeedAsync(context.Services.GetRequiredService<DerrimutDbContext>(), cancellationToken);

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

        // The demo is entered through the same use cases as the API and the pages.
        T Use<T>() where T : notnull => services.GetRequiredService<T>();
        // Completed PT sessions reach payroll the way every delivered session does: Bookings' TrainerSessionCompleted
        // integration event, handled by Payroll's handler (never by writing payables directly).
        var events = services.GetRequiredService<Derrimut.BuildingBlocks.Events.IIntegrationEventPublisher>();
        var people = (await services.GetRequiredService<IStaffDirectory>().ListAsync(cancellationToken)).ToDictionary(p => p.Email, StringComparer.OrdinalIgnoreCase);
        if (!people.TryGetValue($"trainer@{tenant.Identifier}.{Domain}", out var trainer) || !people.TryGetValue($"admin@{tenant.Identifier}.{Domain}", out var admin))
        {
            return;
        }

        var gymClock = services.GetRequiredService<Derrimut.BuildingBlocks.Time.IGymClock>();
        var client = await services.GetRequiredService<ILocationPeople>().FindByEmailAsync($"member@{tenant.Identifier}.{Domain}", cancellationToken);
        var stAlbans = tenant.Identifier == "st-albans";
        // Keep the location's ABN (Organizations seeds it): saving the employer details saves the ABN too.
        var abn = (await Use<GetEmployerPaySettingsHandler>().HandleAsync(cancellationToken)).Abn;
        await Use<SaveEmployerPaySettingsHandler>().HandleAsync(new EmployerPaySettingsInput(abn, "CBA", stAlbans ? "301500" : "301501", stAlbans ? "DERRIMUT 24 7 ST ALBANS" : "DERRIMUT 24 7 WERRIBEE", stAlbans ? "063-021" : "063-030",
            stAlbans ? "10452198" : "10457733", stAlbans ? "DERRIMUT STALB" : "DERRIMUT WERRIB", false), null, cancellationToken);
        await Use<SaveEmployeePaySettingsHandler>().HandleAsync(trainer.UserId, new EmployeePaySettingsInput("casual", "per-session", null, 30.68m, 45.00m, "fortnightly", true, true, "resident", "none",
            "AustralianSuper", "STA0100AU", stAlbans ? "40123456" : "40654321", stAlbans ? "062-000" : "033-000", stAlbans ? "12345678" : "87654321", trainer.DisplayName), null, cancellationToken);
        await Use<SaveEmployeePaySettingsHandler>().HandleAsync(admin.UserId, new EmployeePaySettingsInput("full-time", "salary", stAlbans ? 72_000m : 68_500m, null, null, "fortnightly", true, true, "resident", "none",
            "Hostplus", "HOS0001AU", stAlbans ? "7770001" : "7770002", "083-004", stAlbans ? "55500011" : "55500022", admin.DisplayName), null, cancellationToken);

        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
        foreach (var (start, paidOn) in DemoFortnights(today))
        {
            await WorkAFortnightAsync(start, paidOn: paidOn);
        }

        // Hours already worked in the fortnight under way: approved, waiting for the next pay run.
        var current = DemoFortnights(today).Select(f => f.Start.AddDays(14)).DefaultIfEmpty(PayrollUiMonday(today)).Max();
        await WorkAFortnightAsync(current, paidOn: null);

        async Task WorkAFortnightAsync(DateOnly start, DateOnly? paidOn)
        {
            var approved = new List<Guid>();
            for (var day = 0; day < 14; day++)
            {
                var date = start.AddDays(day);
                if (date >= today)
                {
                    break;
                }

                var holiday = VictorianHolidays.Any(h => h.Date == date);
                if (date.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Thursday or DayOfWeek.Saturday || holiday)
                {
                    var hours = date.DayOfWeek == DayOfWeek.Saturday ? 5m : 7.5m;
                    // Some overtime now and then (a Thursday in the second week), so payslips show it and its super treatment.
                    var overtime = day == 10 ? 1.5m : 0m;
                    approved.Add((await Use<SaveTimesheetDayHandler>().HandleAsync(trainer.UserId, date, new TimesheetDayInput(hours, overtime, null), admin.UserId, true, cancellationToken)).Id);
                }

                if (date.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday)
                {
                    var startsAt = gymClock.StartOf(date).AddHours(7); // 7 am local (weekdays only: never a DST-change Sunday)
                    await events.PublishAsync(new Derrimut.Bookings.Contracts.TrainerSessionCompleted(tenant.Id, DemoSessionId(tenant.Id, date), trainer.UserId,
                        client?.UserId ?? Guid.Empty, startsAt, 60, date, $"Personal training, 60 min, {date.ToString("ddd d MMM", GymCulture.Australian)} 7:00 am", 8_500), cancellationToken);
                }
            }

            if (approved.Count > 0)
            {
                await Use<ApproveTimesheetDaysHandler>().HandleAsync(approved, admin.UserId, cancellationToken);
            }

            if (paidOn is { } payday)
            {
                var run = await Use<CreatePayRunHandler>().HandleAsync(new NewPayRunInput("fortnightly", start, start.AddDays(13), payday, null), admin.UserId, cancellationToken);
                await Use<ApprovePayRunHandler>().HandleAsync(run.Run.Id, admin.UserId, cancellationToken);
                await Use<FinalisePayRunHandler>().HandleAsync(run.Run.Id, admin.UserId, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The demo's paid fortnights, relative to today: Monday-to-Sunday fortnights ending with the last completed one
    /// (ending before this week), each paid the Wednesday after (or today, if that is still to come), going back to the
    /// run paid just before the current financial year began — so year-to-date figures cover the whole year so far,
    /// and the demo always holds runs on both sides of a 1 July.
    /// </summary>
    internal static IReadOnlyList<(DateOnly Start, DateOnly PaidOn)> DemoFortnights(DateOnly today)
    {
        var yearStart = new DateOnly(today.Month >= 7 ? today.Year : today.Year - 1, 7, 1);
        var fortnights = new List<(DateOnly Start, DateOnly PaidOn)>();
        for (var start = PayrollUiMonday(today).AddDays(-14); ; start = start.AddDays(-14))
        {
            var payday = start.AddDays(16);
            fortnights.Add((start, payday > today ? today : payday));
            if (payday < yearStart)
            {
                break;
            }
        }

        fortnights.Reverse();
        return fortnights;
    }

    private static DateOnly PayrollUiMonday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static Guid DemoSessionId(Guid tenantId, DateOnly date)
    {
        // Stable per location and day, so seeding twice records each demo session once.
        var bytes = tenantId.ToByteArray();
        var day = BitConverter.GetBytes(date.DayNumber);
        for (var i = 0; i < 4; i++)
        {
            bytes[12 + i] ^= day[i];
        }

        bytes[11] ^= 0x5A;
        return new Guid(bytes);
    }
}
