using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Access;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Bookings;

/// <summary>The Development seed gives st-albans and werribee a week of classes, a full class with a waitlist, doors and check-ins.</summary>
public abstract class DemoClassesShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    [Fact]
    public async Task SeedAWeekOfClassesAtBothGymsAndAFullOneWithAWaitlist()
    {
        foreach (var gym in new[] { "st-albans", "werribee" })
        {
            var week = (await fixture.App.ClientFor(gym).GetFromJsonAsync<List<ClassOccurrenceDto>>("/api/classes"))!;
            week.Select(c => c.Name).Distinct().ShouldBe(["Vinyasa yoga", "Zumba", "HIIT", "Spin", "Strength", "Reformer intro"], ignoreOrder: true);
            week.ShouldContain(c => c.Capacity - c.SpotsLeft > 0, $"booked classes at {gym}");
        }

        // St Albans' own members fill its one-on-one class and queue for it (werribee's waitlist depends on the
        // multi-club member's home gym being seeded first: gyms are seeded in parallel).
        var stAlbans = (await fixture.App.ClientFor("st-albans").GetFromJsonAsync<List<ClassOccurrenceDto>>("/api/classes"))!;
        stAlbans.ShouldContain(c => c.SpotsLeft == 0 && c.WaitlistCount > 0);
        var member = await fixture.App.SignedInAsync($"member@st-albans.{D}", "st-albans");
        (await member.GetFromJsonAsync<List<MyClassBookingDto>>("/api/classes/mine"))!.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task SeedDoorsAndAWeekOfCheckIns()
    {
        var stAlbans = await fixture.App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync("st-albans");
        var visits = await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(stAlbans!.Id, (sp, ct) =>
            sp.GetRequiredService<DerrimutDbContext>().Set<CheckIn>().AsNoTracking().ToListAsync(ct));
        visits.Count.ShouldBeGreaterThanOrEqualTo(5);
        var admin = await fixture.App.SignedInAsync($"admin@werribee.{D}", "werribee");
        (await admin.GetFromJsonAsync<List<DoorDto>>("/api/access/doors"))!.Count.ShouldBe(2);
        var stAlbansAdmin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        (await stAlbansAdmin.GetFromJsonAsync<MemberCardPage>("/api/access/cards?search=ST100001"))!.Items.ShouldContain(c => c.CardNumber == "ST100001");
    }
}

public sealed class DemoClassesOnSqliteShould(SqliteDemoAppFixture fixture) : DemoClassesShould(fixture), IClassFixture<SqliteDemoAppFixture>;
