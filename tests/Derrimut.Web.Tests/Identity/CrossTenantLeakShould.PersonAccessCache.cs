using System.Text.Json;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// A person's access is cached per tenant and person (decision 0051): an answer remembered at one gym must never be
/// served at another, and a change at one gym applies there on the next request without touching the other gym's.
/// </summary>
public abstract partial class CrossTenantLeakShould
{
    [Fact]
    public async Task NeverServeAPersonsRememberedAccessAtAnotherGym()
    {
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", Home);
        // Warm: the admin's access at st-albans is now remembered.
        (await admin.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The same cookie at the franchise's other gym and at another franchise's gym: nothing of st-albans's answer.
        (await admin.GetAsync(SignedInClients.At("werribee", "/api/identity/users"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync(SignedInClients.At("coburg", "/api/identity/users"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync(SignedInClients.At("werribee", "/api/me"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // ...and st-albans's own answer is still its own.
        (await admin.GetAsync("/api/identity/users")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApplyAGymsPermissionChangeOnTheNextRequestThereAndNowhereElse()
    {
        const string permission = "view:own_plans";
        var admin = await fixture.App.SignedInAsync($"admin@st-albans.{D}", Home);
        var multi = await fixture.App.SignedInAsync($"multi@{D}", Home);
        (await PermissionsAsync(multi, Home)).ShouldContain(permission);
        (await PermissionsAsync(multi, "werribee")).ShouldContain(permission);

        try
        {
            var taken = await admin.PutAsJsonAsync("/api/identity/grants", new { role = "member", permission, granted = false });
            taken.StatusCode.ShouldBe(HttpStatusCode.OK, await taken.Content.ReadAsStringAsync());

            (await PermissionsAsync(multi, Home)).ShouldNotContain(permission, "st-albans took it from members: the remembered answer was dropped");
            (await PermissionsAsync(multi, "werribee")).ShouldContain(permission, "werribee's grants did not change");
        }
        finally
        {
            (await admin.PutAsJsonAsync("/api/identity/grants", new { role = "member", permission, granted = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await PermissionsAsync(multi, Home)).ShouldContain(permission);
    }

    private static async Task<List<string?>> PermissionsAsync(HttpClient client, string location) =>
        (await client.GetFromJsonAsync<JsonElement>(SignedInClients.At(location, "/api/me")))
            .GetProperty("permissions").EnumerateArray().Select(p => p.GetString()).ToList();
}
