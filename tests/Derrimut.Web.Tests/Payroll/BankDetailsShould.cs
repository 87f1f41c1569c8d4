using System.Text.Json;
using Derrimut.Payroll.Data;
using Derrimut.Web.Tests.Account;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Payroll;

/// <summary>
/// Payroll bank details (decision 0055): encrypted at rest and bound to the gym and the person, masked in every answer
/// but an audited reveal, a change emailed to the employee, a run paying into a changed account approved by a second
/// admin (or by one, with a warning, where the gym waived it), and the ABA file still carrying the real numbers.
/// Each provider gets its own demo database (this class changes Sue's account, which PayRunShould relies on).
/// </summary>
public abstract class BankDetailsShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;
    private const string Home = "st-albans";
    private const string SecondAdminEmail = $"admin2@st-albans.{D}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<HttpClient> AdminAsync(string location = Home) => fixture.App.SignedInAsync($"admin@{location}.{D}", location);

    private static object Settings(string bsb, string account) => new
    {
        employmentType = "casual",
        payBasis = "hourly",
        hourlyRate = 30.00m,
        payFrequency = "weekly",
        tfnProvided = true,
        claimsTaxFreeThreshold = true,
        residency = "resident",
        medicareLevyExemption = "none",
        superFundName = "Aware Super",
        superFundUsi = "FSS0100AU",
        superMemberNumber = "9001234",
        bsb,
        accountNumber = account,
        accountName = "Sue Staff",
    };

    private async Task<Guid> UserIdAsync(HttpClient admin, string email)
    {
        var employees = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/employees", Ct);
        return employees.EnumerateArray().Single(e => e.GetProperty("email").GetString() == email).GetProperty("userId").GetGuid();
    }

    private async Task<Guid> SaveSueAsync(HttpClient admin, string bsb, string account)
    {
        var sue = await UserIdAsync(admin, DemoAppFixture.StaffEmail);
        var saved = await admin.PutAsJsonAsync($"/api/payroll/employees/{sue}/settings", Settings(bsb, account), Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
        var text = await saved.Content.ReadAsStringAsync(Ct);
        text.ShouldNotContain(account);
        return sue;
    }

    private async Task<Guid> TenantIdAsync(string identifier) =>
        (await fixture.App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync(identifier, Ct)).ShouldNotBeNull().Id;

    private async Task<T> InAsync<T>(string location, Func<DerrimutDbContext, CancellationToken, Task<T>> work) =>
        await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(await TenantIdAsync(location), (sp, ct) => work(sp.GetRequiredService<DerrimutDbContext>(), ct));

    /// <summary>Sue's days of one week approved, and a weekly run for it created by <paramref name="creator"/>.</summary>
    private async Task<Guid> DraftRunAsync(HttpClient creator, Guid sue, DateOnly monday)
    {
        var day = await creator.PutAsJsonAsync($"/api/payroll/timesheets/{sue}/{monday.AddDays(1):yyyy-MM-dd}", new { ordinaryHours = 6m }, Ct);
        day.StatusCode.ShouldBe(HttpStatusCode.OK, await day.Content.ReadAsStringAsync(Ct));
        var entry = (await day.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        (await creator.PostAsJsonAsync("/api/payroll/timesheets/approve", new { entryIds = new[] { entry } }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var created = await creator.PostAsJsonAsync("/api/payroll/pay-runs", new { frequency = "weekly", periodStart = monday, periodEnd = monday.AddDays(6), paidOn = monday.AddDays(9) }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        return (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("run").GetProperty("id").GetGuid();
    }

    private async Task PayAsync(HttpClient admin, Guid run, HttpClient? approver = null)
    {
        var approved = await (approver ?? admin).PostAsync($"/api/payroll/pay-runs/{run}/approve", null, Ct);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync(Ct));
        var finalised = await admin.PostAsync($"/api/payroll/pay-runs/{run}/finalise", null, Ct);
        finalised.StatusCode.ShouldBe(HttpStatusCode.OK, await finalised.Content.ReadAsStringAsync(Ct));
    }

    private async Task<HttpClient> SecondAdminAsync(HttpClient admin)
    {
        var staff = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/employees", Ct);
        if (!staff.EnumerateArray().Any(e => e.GetProperty("email").GetString() == SecondAdminEmail))
        {
            var invited = await admin.PostAsJsonAsync("/api/identity/users/invite", new { email = SecondAdminEmail, displayName = "Alex Second", roles = new[] { "admin" } }, Ct);
            invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync(Ct));
        }

        return await fixture.App.SignedInAsync(SecondAdminEmail, Home);
    }

    [Fact]
    public async Task StoreCiphertextNeverTheNumbers()
    {
        var admin = await AdminAsync();
        var sue = await SaveSueAsync(admin, "062-001", "123456789");

        var row = await InAsync(Home, (db, ct) => db.Set<EmployeePaySettings>().AsNoTracking().SingleAsync(s => s.UserId == sue, ct));
        row.BankAccountCiphertext.ShouldNotBeNullOrEmpty();
        row.BankAccountCiphertext.ShouldNotContain("123456789");
        row.BankAccountCiphertext.ShouldNotContain("062001");
        row.AccountNumberEnding.ShouldBe("789");
        row.LegacyBsb.ShouldBeNull();
        row.LegacyAccountNumber.ShouldBeNull();

        // The demo's own rows (employer, trainer, admin, their payslips) were written encrypted too.
        var plaintext = await InAsync(Home, async (db, ct) =>
            await db.Set<EmployeePaySettings>().CountAsync(s => s.LegacyAccountNumber != null || s.BankAccountCiphertext == "", ct)
            + await db.Set<EmployerPaySettings>().CountAsync(s => s.LegacyAccountNumber != null || s.BankAccountCiphertext == "", ct)
            + await db.Set<Payslip>().CountAsync(s => s.LegacyAccountNumber != null || s.BankAccountCiphertext == "", ct));
        plaintext.ShouldBe(0);
        var employer = await InAsync(Home, (db, ct) => db.Set<EmployerPaySettings>().AsNoTracking().SingleAsync(ct));
        employer.BankAccountCiphertext.ShouldNotContain("10452198");
    }

    [Fact]
    public async Task EncryptPlaintextLeftByAnEarlierVersionAtStartUp()
    {
        var admin = await AdminAsync();
        var sue = await SaveSueAsync(admin, "062-001", "123456789");
        // As the migration leaves an older database: the numbers in the old columns, no ciphertext.
        await InAsync(Home, async (db, ct) =>
        {
            var s = await db.Set<EmployeePaySettings>().SingleAsync(x => x.UserId == sue, ct);
            (s.LegacyBsb, s.LegacyAccountNumber, s.BankAccountCiphertext, s.AccountNumberEnding) = ("062001", "123456789", "", "");
            return await db.SaveChangesAsync(ct);
        });

        await fixture.App.Services.GetRequiredService<DataSeeder>().SeedAsync(includeDemoData: false, maxParallelism: 1, Ct);

        var row = await InAsync(Home, (db, ct) => db.Set<EmployeePaySettings>().AsNoTracking().SingleAsync(s => s.UserId == sue, ct));
        (row.LegacyBsb, row.LegacyAccountNumber, row.AccountNumberEnding).ShouldBe((null, null, "789"));
        var revealed = await admin.PostAsync($"/api/payroll/employees/{sue}/bank-details/reveal", null, Ct);
        revealed.StatusCode.ShouldBe(HttpStatusCode.OK, await revealed.Content.ReadAsStringAsync(Ct));
        (await revealed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accountNumber").GetString().ShouldBe("123456789");
    }

    [Fact]
    public async Task MaskTheNumbersInEveryListAndAnswer()
    {
        var admin = await AdminAsync();
        var sue = await SaveSueAsync(admin, "062-001", "123456789");

        var employees = await admin.GetStringAsync("/api/payroll/employees", Ct);
        employees.ShouldNotContain("123456789");
        employees.ShouldNotContain("12345678"); // the trainer's demo account
        employees.ShouldNotContain("55500011"); // the admin's
        var sueJson = JsonDocument.Parse(employees).RootElement.EnumerateArray().Single(e => e.GetProperty("userId").GetGuid() == sue).GetProperty("settings");
        sueJson.GetProperty("bankAccount").GetString().ShouldBe("BSB •••-••• account •••789");
        sueJson.GetProperty("settings").GetProperty("accountNumber").ValueKind.ShouldBe(JsonValueKind.Null);

        var employer = await admin.GetStringAsync("/api/payroll/employer", Ct);
        employer.ShouldNotContain("10452198");
        employer.ShouldNotContain("063-021");
        JsonDocument.Parse(employer).RootElement.GetProperty("bankAccount").GetString().ShouldBe("BSB •••-••• account •••198");

        // Pay runs and payslips, the admin's and the employee's own: the demo's finalised runs pay the trainer and the admin.
        var runs = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/pay-runs", Ct);
        var demoRun = runs.EnumerateArray().First(r => r.GetProperty("frequency").GetString() == "fortnightly").GetProperty("id").GetGuid();
        var run = await admin.GetStringAsync($"/api/payroll/pay-runs/{demoRun}", Ct);
        run.ShouldNotContain("12345678");
        run.ShouldNotContain("55500011");
        JsonDocument.Parse(run).RootElement.GetProperty("payslips").EnumerateArray().Select(p => p.GetProperty("bankAccount").GetString())
            .ShouldBeSubsetOf(["BSB •••-••• account •••678", "BSB •••-••• account •••011"]);
        var trainer = await fixture.App.SignedInAsync($"trainer@st-albans.{D}", Home);
        var mine = await trainer.GetStringAsync("/api/payroll/me/payslips", Ct);
        mine.ShouldNotContain("12345678");
        JsonDocument.Parse(mine).RootElement.EnumerateArray().ShouldAllBe(p => p.GetProperty("bankAccount").GetString() == "BSB •••-••• account •••678");

        // The pages render the masked form only.
        var page = await admin.GetStringAsync("/admin/payroll", Ct);
        page.ShouldNotContain("123456789");
        (await admin.GetStringAsync("/admin/payroll/employer", Ct)).ShouldNotContain("10452198");
    }

    [Fact]
    public async Task RevealOnlyToAPayrollAdminAndAuditIt()
    {
        var admin = await AdminAsync();
        var sue = await SaveSueAsync(admin, "062-001", "123456789");

        var revealed = await admin.PostAsync($"/api/payroll/employees/{sue}/bank-details/reveal", null, Ct);
        revealed.StatusCode.ShouldBe(HttpStatusCode.OK, await revealed.Content.ReadAsStringAsync(Ct));
        var shown = await revealed.Content.ReadFromJsonAsync<JsonElement>(Ct);
        shown.GetProperty("bsb").GetString().ShouldBe("062-001");
        shown.GetProperty("accountNumber").GetString().ShouldBe("123456789");
        var gym = await admin.PostAsync("/api/payroll/employer/bank-details/reveal", null, Ct);
        (await gym.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accountNumber").GetString().ShouldBe("10452198");

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/bank-details/audit", Ct);
        var rows = audit.EnumerateArray().ToList();
        rows.ShouldContain(a => a.GetProperty("action").GetString() == "revealed" && a.GetProperty("subject").GetString() == "Sue Staff"
            && a.GetProperty("actor").GetString() == "Admin st-albans" && a.GetProperty("detail").GetString()!.Contains("789"));
        rows.ShouldContain(a => a.GetProperty("action").GetString() == "revealed" && a.GetProperty("subject").GetString() == "the gym (employer)");
        audit.GetRawText().ShouldNotContain("123456789");

        // Not for a trainer, and not across gyms: werribee's admin finds no Sue and sees none of st-albans' audit.
        var trainer = await fixture.App.SignedInAsync($"trainer@st-albans.{D}", Home);
        (await trainer.PostAsync($"/api/payroll/employees/{sue}/bank-details/reveal", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await trainer.GetAsync("/api/payroll/bank-details/audit", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var werribee = await AdminAsync("werribee");
        (await werribee.PostAsync($"/api/payroll/employees/{sue}/bank-details/reveal", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var werribeeAudit = await werribee.GetStringAsync("/api/payroll/bank-details/audit", Ct);
        werribeeAudit.ShouldNotContain("Sue Staff");
        werribeeAudit.ShouldNotContain("Admin st-albans");
        (await werribee.PostAsync(SignedInClients.At(Home, $"/api/payroll/employees/{sue}/bank-details/reveal"), null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RefuseToReadACiphertextCopiedToAnotherPersonOrGym()
    {
        var admin = await AdminAsync();
        var sue = await SaveSueAsync(admin, "062-001", "123456789");
        var tara = await UserIdAsync(admin, $"trainer@st-albans.{D}");
        var sueCiphertext = await InAsync(Home, (db, ct) => db.Set<EmployeePaySettings>().AsNoTracking().Where(s => s.UserId == sue).Select(s => s.BankAccountCiphertext).SingleAsync(ct));
        var taraCiphertext = await InAsync(Home, (db, ct) => db.Set<EmployeePaySettings>().AsNoTracking().Where(s => s.UserId == tara).Select(s => s.BankAccountCiphertext).SingleAsync(ct));
        try
        {
            // Someone with database access pastes Sue's account onto Tara's row, to be paid Tara's wages.
            await SetCiphertextAsync(Home, tara, sueCiphertext);
            await ConflictNamingAsync(await admin.PostAsync($"/api/payroll/employees/{tara}/bank-details/reveal", null, Ct), "accountNumber");

            // Or onto a person at another gym.
            var werribee = await AdminAsync("werribee");
            var liam = await UserIdAsync(werribee, $"trainer@werribee.{D}");
            var liamCiphertext = await InAsync("werribee", (db, ct) => db.Set<EmployeePaySettings>().AsNoTracking().Where(s => s.UserId == liam).Select(s => s.BankAccountCiphertext).SingleAsync(ct));
            await SetCiphertextAsync("werribee", liam, sueCiphertext);
            var refused = await werribee.PostAsync($"/api/payroll/employees/{liam}/bank-details/reveal", null, Ct);
            await ConflictNamingAsync(refused, "accountNumber");
            await SetCiphertextAsync("werribee", liam, liamCiphertext);
        }
        finally
        {
            await SetCiphertextAsync(Home, tara, taraCiphertext);
        }
    }

    /// <summary>A 409 problem naming <paramref name="field"/> (a conflict with what is stored, not bad input).</summary>
    private static async Task ConflictNamingAsync(HttpResponseMessage response, string field) =>
        (await ProblemAssert.IsAsync(response, HttpStatusCode.Conflict, "conflict")).GetProperty("field").GetString().ShouldBe(field);

    private Task<int> SetCiphertextAsync(string location, Guid userId, string ciphertext) =>
        InAsync(location, (db, ct) => db.Set<EmployeePaySettings>().Where(s => s.UserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.BankAccountCiphertext, ciphertext), ct));

    [Fact]
    public async Task EmailTheEmployeeWhenTheirAccountChanges()
    {
        var admin = await AdminAsync();
        await SaveSueAsync(admin, "062-001", "123456789");
        var mail = new MailPickup(fixture.App.MailPickup);
        var before = mail.CountTo(DemoAppFixture.StaffEmail);

        // Saving the same account again is no change: no email.
        await SaveSueAsync(admin, "062-001", "123456789");
        mail.CountTo(DemoAppFixture.StaffEmail).ShouldBe(before);

        await SaveSueAsync(admin, "062-002", "555666777");
        var notice = mail.Latest(DemoAppFixture.StaffEmail, "Your bank account for pay at");
        notice.TextBody.ShouldNotBeNull().ShouldContain("ending 777");
        notice.TextBody.ShouldContain("Admin st-albans");
        notice.TextBody.ShouldNotContain("555666777");
        // The link is built from configuration for Sue's gym, never from the request.
        new Uri(mail.LinkIn(notice, "/payslips")).Host.ShouldBe($"st-albans.{D}");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/bank-details/audit", Ct);
        audit.EnumerateArray().ShouldContain(a => a.GetProperty("action").GetString() == "changed" && a.GetProperty("detail").GetString() == "Changed to an account ending 777");
        await SaveSueAsync(admin, "062-001", "123456789");
    }

    [Fact]
    public async Task NeedASecondAdminToApproveARunPayingIntoAChangedAccount()
    {
        var admin = await AdminAsync();
        var second = await SecondAdminAsync(admin);
        var sue = await SaveSueAsync(admin, "062-001", "123456789");
        // Other tests here change Sue's account too: the baseline run is approved by the second admin either way.
        await PayAsync(admin, await DraftRunAsync(admin, sue, new DateOnly(2026, 3, 2)), second);

        // Unchanged since her last paid run: one admin creates and approves, as before.
        await PayAsync(admin, await DraftRunAsync(admin, sue, new DateOnly(2026, 3, 16)));

        await SaveSueAsync(admin, "062-003", "987654321");
        var run = await DraftRunAsync(admin, sue, new DateOnly(2026, 3, 23));
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/payroll/pay-runs/{run}", Ct);
        detail.GetProperty("bankDetailsChanged").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Sue Staff"]);
        detail.GetProperty("secondAdminWaived").GetBoolean().ShouldBeFalse();
        detail.GetProperty("warnings").EnumerateArray().ShouldContain(w => w.GetString()!.Contains("A second payroll admin must approve"));

        // The admin who changed the account (and created the run) cannot approve it; nothing changes.
        await ConflictNamingAsync(await admin.PostAsync($"/api/payroll/pay-runs/{run}/approve", null, Ct), "approvedBy");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/payroll/pay-runs/{run}", Ct)).GetProperty("run").GetProperty("status").GetString().ShouldBe("draft");

        // Another admin can; then the bank file pays the new account, and the export is audited.
        var approved = await second.PostAsync($"/api/payroll/pay-runs/{run}/approve", null, Ct);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync(Ct));
        (await admin.PostAsync($"/api/payroll/pay-runs/{run}/finalise", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var aba = await admin.GetStringAsync($"/api/payroll/pay-runs/{run}/aba", Ct);
        var credit = aba.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1];
        credit[1..8].ShouldBe("062-003");
        credit[8..17].ShouldBe("987654321");
        credit[80..87].ShouldBe("063-021");
        credit[87..96].ShouldBe(" 10452198");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/bank-details/audit", Ct);
        audit.EnumerateArray().ShouldContain(a => a.GetProperty("action").GetString() == "exported" && a.GetProperty("actor").GetString() == "Admin st-albans");

        // A run created by the second admin after the first admin's change: the changer still can't approve it.
        await SaveSueAsync(admin, "062-001", "123456789");
        var next = await DraftRunAsync(second, sue, new DateOnly(2026, 3, 30));
        await ConflictNamingAsync(await admin.PostAsync($"/api/payroll/pay-runs/{next}/approve", null, Ct), "approvedBy");
        await ConflictNamingAsync(await second.PostAsync($"/api/payroll/pay-runs/{next}/approve", null, Ct), "approvedBy");
        (await second.DeleteAsync($"/api/payroll/pay-runs/{next}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task LetOneAdminApproveWithAWarningWhereTheGymWaivedTheSecond()
    {
        var admin = await AdminAsync();
        var sue = await SaveSueAsync(admin, "062-001", "123456789");
        await PayAsync(admin, await DraftRunAsync(admin, sue, new DateOnly(2026, 2, 2)), await SecondAdminAsync(admin));
        var waived = await admin.PutAsJsonAsync("/api/payroll/employer", new
        {
            abn = "51 917 329 202", financialInstitution = "CBA", apcaUserId = "301500", userName = "DERRIMUT 24 7 ST ALBANS",
            bsb = "", accountNumber = "", remitterName = "DERRIMUT STALB", balancedFile = false, singleAdminMayApprove = true,
        }, Ct);
        waived.StatusCode.ShouldBe(HttpStatusCode.OK, await waived.Content.ReadAsStringAsync(Ct));
        try
        {
            var employer = await waived.Content.ReadFromJsonAsync<JsonElement>(Ct);
            employer.GetProperty("singleAdminMayApprove").GetBoolean().ShouldBeTrue();
            employer.GetProperty("bankAccount").GetString().ShouldBe("BSB •••-••• account •••198"); // blank kept the account
            (await admin.GetStringAsync("/admin/payroll/employer", Ct)).ShouldContain("nobody else checks a changed bank account");

            await SaveSueAsync(admin, "062-004", "444555666");
            var run = await DraftRunAsync(admin, sue, new DateOnly(2026, 2, 9));
            var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/payroll/pay-runs/{run}", Ct);
            detail.GetProperty("secondAdminWaived").GetBoolean().ShouldBeTrue();
            detail.GetProperty("warnings").EnumerateArray().ShouldContain(w => w.GetString()!.Contains("nobody else checks the new accounts"));
            (await admin.GetStringAsync($"/admin/payroll/runs/{run}", Ct)).ShouldContain("nobody else checks the new accounts");
            await PayAsync(admin, run);
            var audit = await admin.GetFromJsonAsync<JsonElement>("/api/payroll/bank-details/audit", Ct);
            audit.EnumerateArray().ShouldContain(a => a.GetProperty("detail").GetString()!.Contains("second-admin check waived"));
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/payroll/employer", new
            {
                abn = "51 917 329 202", financialInstitution = "CBA", apcaUserId = "301500", userName = "DERRIMUT 24 7 ST ALBANS",
                remitterName = "DERRIMUT STALB", balancedFile = false, singleAdminMayApprove = false,
            }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
            await SaveSueAsync(admin, "062-001", "123456789");
        }
    }

    [Fact]
    public async Task NameTheFieldOfAHalfGivenAccount()
    {
        var admin = await AdminAsync();
        var sue = await SaveSueAsync(admin, "062-001", "123456789");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync($"/api/payroll/employees/{sue}/settings", Settings("062-001", ""), Ct), "accountNumber");
        await ProblemAssert.NamesFieldAsync(await admin.PutAsJsonAsync($"/api/payroll/employees/{sue}/settings", Settings("", "123456789"), Ct), "bsb");
        // Both blank keeps the account on record.
        (await admin.PutAsJsonAsync($"/api/payroll/employees/{sue}/settings", Settings("", ""), Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var shown = await (await admin.PostAsync($"/api/payroll/employees/{sue}/bank-details/reveal", null, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        shown.GetProperty("accountNumber").GetString().ShouldBe("123456789");
    }
}

public sealed class BankDetailsOnSqliteShould(SqliteDemoAppFixture fixture) : BankDetailsShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class BankDetailsOnPostgreSqlShould(PostgresDemoAppFixture fixture) : BankDetailsShould(fixture), IClassFixture<PostgresDemoAppFixture>;
