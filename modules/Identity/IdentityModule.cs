using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Caching;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Ui;
using Derrimut.Identity.Authentication;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Data;
using Derrimut.Identity.Features.Clients;
using Derrimut.Identity.Features.Grants;
using Derrimut.Identity.Features.Me;
using Derrimut.Identity.Features.PlatformUsers;
using Derrimut.Identity.Features.TenantUsers;
using Derrimut.Identity.Seeding;
using Derrimut.Identity.Tokens;
using Derrimut.Organizations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Derrimut.Identity;

/// <summary>People, their access per tenant, roles and permissions, sign-in and tokens.</summary>
public sealed class IdentityModule : DerrimutModule
{
    /// <inheritdoc />
    public override string Name => "Identity";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DependsOn => [typeof(OrganizationsModule)];

    /// <inheritdoc />
    public override void ConfigureServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointJson(IdentityEndpointJson.Default);
        builder.Services.AddCacheJson(IdentityCacheJson.Default);
        builder.Services.AddPageStateJson(IdentityPageStateJson.Default.MeDto);
        var services = builder.Services;
        services.AddIdentityCore<DerrimutUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                // Length over composition (NIST SP 800-63B), with a digit so common words alone don't pass.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddUserStore<DerrimutUserStore>();
        services.AddSessionRules(builder.Configuration);

        services.AddAuthentication().AddIdentityCookies();
        services.AddSingleton<RootDomainCookieManager>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<RootDomainCookieManager>((o, cookies) =>
            {
                o.Cookie.Name = ".Derrimut.Auth";
                o.CookieManager = cookies;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                // APIs answer 401/403 problems; only pages redirect to the sign-in page.
                o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            });
        // Decrypted sign-in cookies are reused for a minute (decision 0078). This runs after the cookie handler's own
        // post-configuration, which is what creates the ticket format being wrapped (AddIdentityCookies, above).
        services.AddSingleton(sp => new RememberedCookieTickets(
            sp.GetRequiredService<TimeProvider>(),
            builder.Configuration.GetValue("Identity:CookieTicketMemory", TimeSpan.FromMinutes(1))));
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<RememberedCookieTickets>((o, remembered) => o.TicketDataFormat = new RememberedTicketDataFormat(
                o.TicketDataFormat ?? throw new InvalidOperationException("The sign-in cookie has no ticket format to remember: register this after AddIdentityCookies."),
                remembered));
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .Configure<RootDomainCookieManager>((o, cookies) => o.CookieManager = cookies);
        // "Remember this device" must hold at every location the person signs in at, like the sign-in cookie itself;
        // a host-only cookie would ask for a code again on each subdomain.
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme)
            .Configure<RootDomainCookieManager>((o, cookies) => o.CookieManager = cookies);

        OpenIddictSetup.Add(builder);

        services.AddSingleton<GrantCalculator>();
        services.AddScoped<TenantAccessResolver>();
        services.AddSingleton(sp => new PersonAccessCache(
            sp.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>(),
            sp.GetRequiredService<Derrimut.BuildingBlocks.Caching.ICacheInvalidationBus>(),
            builder.Configuration.GetValue("Identity:AccessCacheExpiration", PersonAccessCache.Expiration)));
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PersonAccessInvalidation>();
        services.AddScoped<IClaimsTransformation, TenantAccessClaimsTransformation>();
        services.AddScoped<IPersonAccessReader, PersonAccessReader>();
        services.AddSingleton<IDataSeedContributor, DemoPeopleSeeder>();
        services.AddScoped<ILocationAccessGrants, Derrimut.Identity.Features.Join.LocationAccessGrants>();
        services.AddScoped<PeopleAtGym>();
        services.AddScoped<GrantsAtGym>();
        services.AddScoped<ClientsAtGym>();
        services.AddScoped<WhoAmI>();
        services.AddScoped<Features.MyGyms.MyGymsHandler>();
        services.AddScoped<Features.Profile.GetMyProfileHandler>();
        services.AddScoped<Features.Profile.SaveMyProfileHandler>();
        services.AddScoped<Features.Profile.MyProfilePhotoHandler>();
        services.AddScoped<IPersonProfiles, Features.Profile.PersonProfiles>();
        services.AddScoped<ILocationPeople, Derrimut.Identity.Features.People.LocationPeople>();
        services.AddScoped<IPeopleReadModel, Derrimut.Identity.Features.People.PeopleReadModel>();
        services.AddScoped<IStaffDirectory, Derrimut.Identity.Features.Staff.StaffDirectory>();
        services.AddSingleton<IDataSeedContributor, ApplicationSeeder>();
        // MFA for the powerful and step-up (decision 0059).
        services.Configure<StrongAuthenticationOptions>(builder.Configuration.GetSection(StrongAuthenticationOptions.Section));
        services.AddScoped<Features.StepUp.StepUpService>();
        services.AddScoped<IStepUp>(sp => sp.GetRequiredService<Features.StepUp.StepUpService>());
        services.AddScoped<IStepUpConfirmation>(sp => sp.GetRequiredService<Features.StepUp.StepUpService>());
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override void ConfigureModel(ModelBuilder modelBuilder) => IdentityModel.Configure(modelBuilder);

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        GetMe.Map(api);
        Features.MyGyms.MyGymsEndpoint.Map(api);
        Features.Profile.MyProfileEndpoints.Map(api);
        Features.Profile.ProfilePhotoEndpoints.Map(app, api);
        TenantUsersEndpoints.Map(api);
        GrantsEndpoints.Map(api);
        PlatformUsersEndpoints.Map(api);
        ClientsEndpoints.Map(api);
        Features.StepUp.StepUpEndpoint.Map(api);
        PlatformClientsEndpoints.Map(api);
        ConnectEndpoints.Map(app);
    }

    /// <inheritdoc />
    public override void DefinePermissions(PermissionDefinitionContext context)
    {
        const string member = IdentityRoles.Member, trainer = IdentityRoles.Trainer, staff = IdentityRoles.Staff;
        context
            .Add(IdentityPermissions.ManageAllUsers, "See and manage every person on the platform.", PermissionScope.Platform)
            .Add(IdentityPermissions.ManageSystemSettings, "Platform-wide settings.", PermissionScope.Platform)
            .Add(IdentityPermissions.ManageOrganizationUsers, "Invite staff, assign roles, deactivate people and change grants at this gym.")
            .Add(IdentityPermissions.ManageTrainers, "Manage this gym's trainers.")
            .Add(IdentityPermissions.ViewOwnSchedule, "A trainer's own schedule.", PermissionScope.Tenant, trainer)
            .Add(IdentityPermissions.ViewClients, "The gym's members as clients.", PermissionScope.Tenant, trainer, staff)
            .Add(IdentityPermissions.ViewOwnProfile, "One's own profile.", PermissionScope.Tenant, member, trainer, staff)
            // Whoever can hand out roles can hand themselves payroll or billing: the same 2FA rule (decision 0059).
            .RequireTwoFactor(IdentityPermissions.ManageOrganizationUsers);
    }

    /// <inheritdoc />
    public override void DefineUi(UiDefinitionContext context) => context
        .AddPages(typeof(IdentityModule).Assembly)
        .AddSection(new(PageSlots.Header, typeof(Components.GymSwitcher)))
        .AddNavigation(new(Portal.Member, "Member home", "/member", MudBlazor.Icons.Material.Outlined.FitnessCenter,
            IdentityPermissions.ViewOwnProfile, Order: 0, MatchExactly: true))
        .AddNavigation(new(Portal.Member, "My profile", "/profile", MudBlazor.Icons.Material.Outlined.Badge,
            IdentityPermissions.ViewOwnProfile, Order: 90))
        .AddNavigation(new(Portal.Trainer, "Trainer", "/trainer", MudBlazor.Icons.Material.Outlined.EventNote,
            IdentityPermissions.ViewOwnSchedule, Order: 0, MatchExactly: true))
        .AddNavigation(new(Portal.Admin, "Site overview", "/admin/site", MudBlazor.Icons.Material.Outlined.AdminPanelSettings,
            IdentityPermissions.ManageOrganizationUsers, SiteKinds.Gym, Order: 0, MatchExactly: true))
        // People, permissions and integrations belong to a location; on a franchise's site they are managed per gym.
        .AddNavigation(new(Portal.Admin, "People", "/admin/people", MudBlazor.Icons.Material.Outlined.People,
            IdentityPermissions.ManageOrganizationUsers, Order: 1, IsSubEntry: true))
        .AddNavigation(new(Portal.Admin, "Permissions", "/admin/permissions", MudBlazor.Icons.Material.Outlined.Rule,
            IdentityPermissions.ManageOrganizationUsers, Order: 2, IsSubEntry: true))
        .AddNavigation(new(Portal.Admin, "Integrations", "/admin/integrations", MudBlazor.Icons.Material.Outlined.Key,
            IdentityPermissions.ManageOrganizationUsers, Order: 3, IsSubEntry: true));
}
