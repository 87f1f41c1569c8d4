using System.Text.Json;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// A gym's public profile and a member's own membership are remembered in node memory (decision 0079), keyed by the
/// organization, and by location and member: what one gym's site answered must never be served on another's.
/// </summary>
public abstract partial class CrossTenantLeakShould
{
    [Fact]
    public async Task NeverServeARememberedProfileOrMembershipAtAnotherGym()
    {
        // Each site's profile, asked twice (the second from memory), and in another spelling of the host: its own.
        foreach (var site in new[] { Home, "werribee", "coburg" })
        {
            for (var i = 0; i < 2; i++)
            {
                var profile = await fixture.App.ClientFor(i == 0 ? site : site.ToUpperInvariant()).GetFromJsonAsync<JsonElement>("/api/organizations/current");
                profile.GetProperty("identifier").GetString().ShouldBe(site);
            }
        }

        // One person, a member at two gyms of the franchise: each gym's answer is its own, however often it is asked.
        var multi = await fixture.App.SignedInAsync($"multi@{D}", Home);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var site in new[] { Home, "werribee", Home, "werribee" })
        {
            var response = await multi.GetAsync(SignedInClients.At(site, "/api/memberships/mine"));
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
            var body = $"{(int)response.StatusCode}:{await response.Content.ReadAsStringAsync()}";
            if (answers.TryGetValue(site, out var first))
            {
                body.ShouldBe(first, $"{site} answers the same the second time");
            }

            answers[site] = body;
        }

        if (answers[Home].StartsWith("200", StringComparison.Ordinal) && answers["werribee"].StartsWith("200", StringComparison.Ordinal))
        {
            answers[Home].ShouldNotBe(answers["werribee"]);
        }

        // A member of neither gym of another franchise is refused there, remembered answers or not.
        (await multi.GetAsync(SignedInClients.At("coburg", "/api/memberships/mine"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
