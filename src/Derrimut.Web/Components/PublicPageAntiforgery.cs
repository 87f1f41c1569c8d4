using Derrimut.BuildingBlocks.Caching;
using Microsoft.AspNetCore.Components.Forms;

namespace Derrimut.Web.Components;

/// <summary>
/// An interactive page persists an antiforgery token into its HTML for the circuit, which issues the visitor an
/// antiforgery cookie: such a page is one visitor's and cannot be stored for all. The
/// public pages need no token (their buttons work over the circuit, and their forms post nowhere), so when the public
/// page cache is to store this request's page (decision 0070) the page is rendered without one.
/// </summary>
internal static class PublicPageAntiforgery
{
    public static void Add(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        var endpoint = services.LastOrDefault(d => d.ServiceType == typeof(AntiforgeryStateProvider) && d.ImplementationType is not null)
            ?? throw new InvalidOperationException("AddRazorComponents must register the antiforgery state before the public page cache replaces it.");
        services.Remove(endpoint);
        services.AddScoped<AntiforgeryStateProvider>(sp =>
            PublicPageCache.IsCacheable(sp.GetRequiredService<IHttpContextAccessor>().HttpContext)
                ? new NoAntiforgeryToken()
                : (AntiforgeryStateProvider)ActivatorUtilities.CreateInstance(sp, endpoint.ImplementationType!));
    }
}

/// <summary>A page rendered for everyone carries no visitor's token.</summary>
internal sealed class NoAntiforgeryToken : AntiforgeryStateProvider
{
    public override AntiforgeryRequestToken? GetAntiforgeryToken() => null;
}
