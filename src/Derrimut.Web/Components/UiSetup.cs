using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Web.Account;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;

namespace Derrimut.Web.Components;

/// <summary>The web UI: Blazor (static pages plus server interactivity), MudBlazor and the account pages.</summary>
internal static class UiSetup
{
    public static void AddDerrimutUi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddMudServices();
        services.AddAccountPages();
        PublicPageAntiforgery.Add(services);
    }

    public static void MapDerrimutUi(this WebApplication app)
    {
        // Files need no tenant: skipping resolution keeps them cheap and lets a suspended gym's page still load its CSS.
        app.MapStaticAssets().SkipTenantResolution();
        // The modules' pages: the host knows their assemblies only through what each module declares.
        var pages = app.Services.GetRequiredService<ModuleCatalog>().Ui.PageAssemblies.ToArray();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies(pages)
            .RequireRateLimiting(AccountFormsRateLimitPolicy.Name);
        app.MapAccountEndpoints();
    }
}
