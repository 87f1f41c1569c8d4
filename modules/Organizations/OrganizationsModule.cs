using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Caching;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Settings;
using Derrimut.BuildingBlocks.Ui;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Data;
using Derrimut.Organizations.Features.CurrentOrganization;
using Derrimut.Organizations.Features.GymProfile;
using Derrimut.Organizations.Features.PlatformTenants;
using Derrimut.Organizations.Seeding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Organizations;

/// <summary>Franchises and locations: the tenants. Implements the kernel's tenant store.</summary>
public sealed class OrganizationsModule : DerrimutModule
{
    /// <inheritdoc />
    public override string Name => "Organizations";

    /// <inheritdoc />
    public override void ConfigureServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointJson(OrganizationsEndpointJson.Default);
        builder.Services.AddCacheJson(OrganizationsCacheJson.Default);
        JsonColumn.UseShape(OrganizationsColumnJson.Default.ListDailyHours);
        builder.Services
            .AddPageStateJson(OrganizationsPageStateJson.Default.OrganizationProfileDto)
            .AddPageStateJson(OrganizationsPageStateJson.Default.ListGymLocationDto);
        builder.Services.AddScoped<ITenantStore, OrganizationTenantStore>();
        builder.Services.AddSingleton<IDataSeedContributor, DemoOrganizationsSeeder>();
        builder.Services.AddScoped<IOrganizationDirectory, OrganizationDirectory>();
        builder.Services.AddScoped<ILocationOpenings, LocationOpenings>();
        builder.Services.AddScoped<PlatformTenants>();
        builder.Services.AddScoped<CurrentOrganizationProfile>();
        builder.Services.AddSingleton(sp => new GymProfileCache(
            sp.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>(),
            sp.GetRequiredService<Derrimut.BuildingBlocks.Caching.ICacheInvalidationBus>(),
            builder.Configuration.GetValue("Organizations:ProfileCacheExpiration", GymProfileCache.DefaultExpiration)));
        builder.Services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, GymProfileInvalidation>();
        builder.Services.AddScoped<GetGymProfileHandler>();
        builder.Services.AddScoped<SaveGymProfileHandler>();
        builder.Services.AddScoped<GymPhotoHandler>();
        builder.Services.AddScoped<ListGymProfileChangesHandler>();
    }

    /// <inheritdoc />
    public override void ConfigureModel(ModelBuilder modelBuilder) => OrganizationsModel.Configure(modelBuilder);

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var organizations = api.MapGroup("/organizations").WithTags("Organizations");
        GetCurrentOrganization.Map(organizations);
        GymProfileEndpoints.Map(organizations);
        GymPhotoEndpoints.Map(app, organizations);
        PlatformTenantsEndpoints.Map(api);
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Benchmarks:BareEndpoints"))
        {
            GetCurrentOrganization.MapBareBaseline(app);
        }
    }

    /// <inheritdoc />
    public override void DefinePermissions(PermissionDefinitionContext context) => context
        .Add(OrganizationsPermissions.ManageAllOrganizations, "Create, change, suspend and activate any franchise or location.", PermissionScope.Platform)
        .Add(OrganizationsPermissions.ManageOrganization, "Edit this gym's profile: hours, amenities and contact details.");

    /// <inheritdoc />
    public override void DefineSettings(SettingDefinitionContext context) => context
        .Add("Organizations.DefaultTimeZone", Domain.Organization.DefaultTimeZone)
        .Add("Organizations.DefaultCurrency", Domain.Organization.DefaultCurrency);

    /// <inheritdoc />
    public override void DefineUi(UiDefinitionContext context) => context
        .AddPages(typeof(OrganizationsModule).Assembly)
        .AddNavigation(new(Portal.Admin, "Gym profile", "/admin/gym", MudBlazor.Icons.Material.Outlined.Storefront,
            OrganizationsPermissions.ManageOrganization, SiteKinds.Gym, Order: 5))
        .AddNavigation(new(Portal.Platform, "Platform console", "/platform", MudBlazor.Icons.Material.Outlined.Dns,
            Sites: SiteKinds.Platform, SuperAdminOnly: true));
}
