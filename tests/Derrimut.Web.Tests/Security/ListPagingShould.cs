using Derrimut.BuildingBlocks.Errors;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Access;
using Derrimut.Identity.Contracts;
using Derrimut.Marketplace.Contracts;
using Derrimut.Marketplace.Data;
using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Security;

/// <summary>
/// Issue 12: every list that grows with the gym pages in the database. With more rows than a page, the memberships
/// list, the shop's orders board and the desk's member cards hand out each row once across the pages, in a stable
/// order, with the true total; a page size beyond the maximum, a negative one, a page before the first or one whose
/// offset would overflow is a 400 problem naming the field, on every paged list.
/// </summary>
public abstract class ListPagingShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    [Fact]
    public async Task PageMembershipsOrdersAndCardsInTheDatabaseEachRowOnceInAStableOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        var tag = $"lp{Guid.NewGuid():N}"[..12];
        var people = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var invited = await admin.PostAsJsonAsync("/api/identity/users/invite",
                new { email = $"{tag}-{i}@example.com", displayName = $"{tag} {i}", roles = new[] { "member" } }, ct);
            invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync(ct));
            people.Add((await invited.Content.ReadFromJsonAsync<TenantUserDto>(ct))!.UserId);
        }

        // Two memberships each (same name, same join instant: only the id tells them apart), a card each, 13 orders.
        var stAlbans = await fixture.App.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync("st-albans", ct) ?? throw new InvalidOperationException();
        var orderNumbers = await fixture.App.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(stAlbans.Id, async (sp, token) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var plan = await db.Set<Plan>().AsNoTracking().OrderBy(p => p.Code).FirstAsync(token);
            var numbers = new List<string>();
            var sequence = Random.Shared.Next(100_000, 900_000);
            foreach (var (person, i) in people.Select((p, i) => (p, i)))
            {
                db.Add(new Membership { UserId = person, PlanId = plan.Id, PlanCode = plan.Code, Status = MembershipStatus.Active });
                db.Add(new Membership { UserId = person, PlanId = plan.Id, PlanCode = plan.Code, Status = MembershipStatus.Cancelled });
                db.Add(new MemberCard { PersonId = person, CardNumber = $"{tag}{i}".ToUpperInvariant() });
            }

            for (var i = 0; i < 13; i++)
            {
                var number = $"{tag}-{i:D2}";
                numbers.Add(number);
                db.Add(new Order { Number = number, LocalDate = new DateOnly(2001, 1, 1), Sequence = sequence + i, UserId = people[i % people.Count], Status = OrderStatus.Collected });
            }

            await db.SaveChangesAsync(token);
            return numbers;
        }, ct);

        var memberships = await WalkAsync<MembershipListPage, MembershipListItemDto>(admin, $"/api/memberships?search={tag}", 5, p => (p.Items, p.Total));
        memberships.Total.ShouldBe(12);
        memberships.Pages.ShouldBe(3);
        memberships.Items.Select(m => m.Id).Distinct().Count().ShouldBe(12, "each membership once across the pages");
        memberships.Items.Select(m => m.MemberName).ShouldBe(memberships.Items.Select(m => m.MemberName).OrderBy(n => n, StringComparer.Ordinal), "name order");
        (await WalkAsync<MembershipListPage, MembershipListItemDto>(admin, $"/api/memberships?search={tag}&status=cancelled", 4, p => (p.Items, p.Total))).Total.ShouldBe(6);
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToOffset(TimeSpan.FromHours(10)).ToString("O"));
        var past = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToOffset(TimeSpan.FromHours(10)).ToString("O"));
        (await WalkAsync<MembershipListPage, MembershipListItemDto>(admin, $"/api/memberships?search={tag}&joinedFrom={future}", 5, p => (p.Items, p.Total))).Total.ShouldBe(0);
        (await WalkAsync<MembershipListPage, MembershipListItemDto>(admin, $"/api/memberships?search={tag}&joinedFrom={past}&joinedTo={future}", 5, p => (p.Items, p.Total))).Total.ShouldBe(12);

        var cards = await WalkAsync<MemberCardPage, MemberCardDto>(admin, $"/api/access/cards?search={tag}", 4, p => (p.Items, p.Total));
        cards.Total.ShouldBe(6);
        cards.Pages.ShouldBe(2);
        cards.Items.Select(c => c.MemberId).ShouldBe(people, "each card once, in name order");

        // The whole board, unfiltered and by status: the pages add up to the total, each order once, newest first.
        var board = await WalkAsync<OrderBoardPage, OrderSummaryDto>(admin, "/api/shop/admin/orders?status=collected", 4, p => (p.Items, p.Total));
        board.Items.Count.ShouldBe(board.Total);
        board.Items.Select(o => o.Id).Distinct().Count().ShouldBe(board.Total);
        board.Items.Select(o => o.Number).Where(n => n.StartsWith(tag, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ShouldBe(orderNumbers);
        board.Items.Select(o => o.CreatedAt).ShouldBe(board.Items.Select(o => o.CreatedAt).OrderByDescending(c => c));
        var everything = await WalkAsync<OrderBoardPage, OrderSummaryDto>(admin, "/api/shop/admin/orders", 200, p => (p.Items, p.Total));
        everything.Items.Count.ShouldBe(everything.Total);
        everything.Total.ShouldBeGreaterThanOrEqualTo(13);
    }

    [Theory]
    [InlineData("/api/identity/users")]
    [InlineData("/api/memberships")]
    [InlineData("/api/access/cards")]
    [InlineData("/api/shop/admin/orders")]
    public async Task RefuseAPageSizeBeyondTheMaximumOrANegativePageAsAProblemNamingTheField(string list)
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", "st-albans");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"{list}?pageSize={Paging.MaxPageSize + 1}", TestContext.Current.CancellationToken), "pageSize");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"{list}?pageSize=-1", TestContext.Current.CancellationToken), "pageSize");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"{list}?pageSize=0", TestContext.Current.CancellationToken), "pageSize");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"{list}?page=0", TestContext.Current.CancellationToken), "page");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"{list}?page=-3", TestContext.Current.CancellationToken), "page");
        await ProblemAssert.NamesFieldAsync(await admin.GetAsync($"{list}?page={int.MaxValue}", TestContext.Current.CancellationToken), "page");
        (await admin.GetAsync($"{list}?page=2&pageSize={Paging.MaxPageSize}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<(int Total, int Pages, List<TItem> Items)> WalkAsync<TPage, TItem>(
        HttpClient client, string list, int pageSize, Func<TPage, (IReadOnlyList<TItem> Items, int Total)> read)
    {
        var items = new List<TItem>();
        int total;
        var pages = 0;
        var separator = list.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var response = await client.GetAsync($"{list}{separator}page={pages + 1}&pageSize={pageSize}", TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            var (pageItems, pageTotal) = read((await response.Content.ReadFromJsonAsync<TPage>(TestContext.Current.CancellationToken))!);
            total = pageTotal;
            pageItems.Count.ShouldBeLessThanOrEqualTo(pageSize);
            if (pageItems.Count == 0)
            {
                break;
            }

            items.AddRange(pageItems);
            pages++;
        }
        while (items.Count < total);

        return (total, pages, items);
    }
}

public sealed class ListPagingOnSqliteShould(SqliteDemoAppFixture fixture) : ListPagingShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class ListPagingOnPostgreSqlShould(PostgresDemoAppFixture fixture) : ListPagingShould(fixture), IClassFixture<PostgresDemoAppFixture>;
