using System.Collections.Concurrent;
using System.Text.Json;

namespace Derrimut.Bookings.Tests;

/// <summary>
/// No double booking under load, through the HTTP API on PostgreSQL: 200 concurrent attempts by 40 members at one
/// trainer's one slot give exactly one booking, a 409 problem to every other member and no 5xx (decision 0027).
/// </summary>
public sealed class ConcurrentBookingOnPostgreSqlShould(PostgresBookingsFixture fixture) : IClassFixture<PostgresBookingsFixture>
{
    [Fact]
    public async Task GiveOneSlotToExactlyOneOf200ConcurrentAttempts()
    {
        var trainer = await fixture.TrainerAsync(fixture.A1);
        var members = new List<HttpClient>();
        for (var i = 0; i < 40; i++)
        {
            members.Add((await fixture.MemberAsync(fixture.A1)).Client);
        }

        var start = await BookingsTestKit.SlotAsync(members[0], trainer, TimeSpan.FromDays(2));
        var statuses = new ConcurrentBag<(int Member, HttpStatusCode Status, string Body)>();
        using var go = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            go.Wait();
            var response = await BookingsTestKit.BookAsync(members[i % members.Count], trainer, start);
            statuses.Add((i % members.Count, response.StatusCode, await response.Content.ReadAsStringAsync()));
        })).ToList();
        go.Set();
        await Task.WhenAll(attempts);

        statuses.Count(s => (int)s.Status >= 500).ShouldBe(0, string.Join("\n", statuses.Where(s => (int)s.Status >= 500).Select(s => s.Body).Take(3)));
        statuses.Where(s => s.Status != HttpStatusCode.Created).ShouldAllBe(s => s.Status == HttpStatusCode.Conflict && s.Body.Contains("\"status\":409"));
        // One member gets the slot. Their own repeated attempts that arrive once it is theirs get that same booking
        // back (a double click is not "slot taken"); every other member is refused.
        var won = statuses.Where(s => s.Status == HttpStatusCode.Created).ToList();
        won.ShouldNotBeEmpty();
        won.Select(s => s.Member).Distinct().ShouldHaveSingleItem();
        won.Select(s => JsonDocument.Parse(s.Body).RootElement.GetProperty("booking").GetProperty("id").GetGuid()).Distinct().ShouldHaveSingleItem();
        statuses.Count(s => s.Member != won[0].Member && s.Status == HttpStatusCode.Conflict).ShouldBe(195);
        var held = await fixture.AtAsync(fixture.A1, (sp, ct) => sp.GetRequiredService<DerrimutDbContext>()
            .Set<Derrimut.Bookings.Domain.Sessions.PtSession>().CountAsync(s => s.TrainerId == trainer.Id, ct));
        held.ShouldBe(1, "refused attempts leave no half-written booking behind");
    }
}
