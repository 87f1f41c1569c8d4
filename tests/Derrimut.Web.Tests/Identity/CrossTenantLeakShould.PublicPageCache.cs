using Derrimut.Web.Tests.Caching;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// A gym's stored public page (decision 0070) is keyed by the gym, never by the Host text: another gym, of the same
/// franchise or another, and the platform host never get it, and the same gym spelt differently does.
/// </summary>
public abstract partial class CrossTenantLeakShould
{
    [Fact]
    public async Task NeverServeOneGymsStoredPublicPageAtAnotherGym()
    {
        // A second node on the same database with the page cache on (the suite's own app has it off).
        await using var node = new DerrimutWebFactory(fixture.App.Database, settings: PublicPageCacheShould.CacheOn);
        var home = node.ClientFor(Home);
        await PublicPageCacheShould.GetPageAsync(home);
        var (stored, storedBody) = await PublicPageCacheShould.GetPageAsync(home);
        PublicPageCacheShould.FromCache(stored).ShouldBeTrue();
        storedBody.ShouldContain("9366 2000", customMessage: "st-albans's phone is on its home page");

        foreach (var other in new[] { "werribee", "coburg" })
        {
            var (_, body) = await PublicPageCacheShould.GetPageAsync(node.ClientFor(other));
            body.ShouldNotContain("9366 2000", customMessage: $"{other} was served st-albans's stored page");
        }

        var (_, platform) = await PublicPageCacheShould.GetPageAsync(node.ClientFor(null));
        platform.ShouldNotContain("9366 2000");

        // The same gym with its host spelt in capitals: the same stored page (keyed by the gym, not the text).
        var shouted = node.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"http://ST-ALBANS.{D}/"), AllowAutoRedirect = false,
        });
        PublicPageCacheShould.FromCache((await PublicPageCacheShould.GetPageAsync(shouted)).Response).ShouldBeTrue();
    }
}
