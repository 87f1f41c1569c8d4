using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Data;
using Derrimut.AiPlans.Features.ApprovePlan;
using Derrimut.AiPlans.Features.EditPlan;
using Derrimut.AiPlans.Features.GeneratePlan;
using Derrimut.AiPlans.Features.GetMyPlans;
using Derrimut.AiPlans.Features.GetPlan;
using Derrimut.AiPlans.Features.ListClientPlans;
using Derrimut.AiPlans.Features.Plans;
using Derrimut.AiPlans.Features.Vapi;
using Derrimut.AiPlans.Generation;
using Derrimut.AiPlans.Seeding;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Identity;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Derrimut.AiPlans;

/// <summary>
/// AI workout and diet plans: members generate plans (form or voice through Vapi), validated against their facts,
/// written by Azure OpenAI when configured and by the offline rule-based generator otherwise or as the fallback;
/// versioned with one active plan per member; trainers review, edit and approve them.
/// </summary>
public sealed class AiPlansModule : DerrimutModule
{
    /// <inheritdoc />
    public override string Name => "AiPlans";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DependsOn => [typeof(IdentityModule), typeof(Derrimut.Bookings.BookingsModule)];

    /// <inheritdoc />
    public override void ConfigureServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointJson(AiPlansEndpointJson.Default);
        var services = builder.Services;
        services.AddPlanGeneration(builder.Configuration);
        services.AddScoped<PlanVersions>();
        services.AddScoped<GeneratePlanHandler>();
        services.AddScoped<GetMyPlansHandler>();
        services.AddScoped<GetPlanHandler>();
        services.AddScoped<ListClientPlansHandler>();
        services.AddScoped<Derrimut.Bookings.Contracts.IClientPlans, ClientPlans>();
        services.AddScoped<EditPlanHandler>();
        services.AddScoped<ApprovePlanHandler>();
        services.AddScoped<VapiSecrets>();
        services.AddScoped<VoiceAssistantAudit>();
        services.AddScoped<VoiceAssistantSettingsHandler>();
        services.AddScoped<VoiceAssistantTester>();
        services.AddScoped<VoiceCallTokens>();
        services.AddScoped<VoiceCalls>();
        // The test call is the app calling its own public address; no retries, Vapi makes one attempt.
        services.AddHttpClient(AiPlansHttpClients.VoiceAssistantTest, c => c.Timeout = VoiceAssistantTester.VapiTimeout + TimeSpan.FromSeconds(5))
            .ConfigurePrimaryHttpMessageHandler(VoiceAssistantTester.CreateHandler);
        services.AddSingleton<IDataSeedContributor, DemoPlansSeeder>();
    }

    /// <inheritdoc />
    public override void ConfigureModel(ModelBuilder modelBuilder) => AiPlansModel.Configure(modelBuilder);

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        // /api/plans: location-only; the tenant filter keeps every query inside the location.
        var plans = api.MapGroup("/plans").RequireLocation().WithTags("AiPlans: workout and diet plans");
        var writes = plans.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);
        writes.MapGeneratePlan();
        plans.MapGetMyPlans();
        plans.MapGetPlan();
        plans.MapListClientPlans();
        writes.MapEditPlan();
        writes.MapApprovePlan();
        plans.MapVoiceAssistantSetup(writes);
        writes.MapVoiceCalls();
        VapiWebhook.Map(app);
    }

    /// <inheritdoc />
    public override void DefinePermissions(PermissionDefinitionContext context) => context
        // view:own_plans was Identity's until AiPlans declared its own; same name and roles, so stored grants hold.
        .Add(AiPlansPermissions.ViewOwnPlans, "One's own workout and diet plans.", PermissionScope.Tenant, IdentityRoles.Member, IdentityRoles.Trainer)
        .Add(AiPlansPermissions.GenerateOwnPlans, "Generate one's own workout and diet plan.", PermissionScope.Tenant, IdentityRoles.Member, IdentityRoles.Trainer)
        .Add(AiPlansPermissions.ReviewClientPlans, "Edit and approve the plans of this gym's members.", PermissionScope.Tenant, IdentityRoles.Trainer, IdentityRoles.Staff)
        .Add(AiPlansPermissions.ManageVoiceAssistant, "Set this gym's voice assistant (Vapi): public key, assistant id, webhook secret, test call.");

    /// <inheritdoc />
    public override void DefineUi(UiDefinitionContext context) => context
        .AddPages(typeof(AiPlansModule).Assembly)
        .AddNavigation(new(Portal.Member, "My plan", "/member/plans", MudBlazor.Icons.Material.Outlined.ListAlt,
            AiPlansPermissions.ViewOwnPlans, Order: 20))
        .AddNavigation(new(Portal.Trainer, "Client plans", "/trainer/plans", MudBlazor.Icons.Material.Outlined.AssignmentInd,
            IdentityPermissions.ViewClients, Order: 20))
        .AddNavigation(new(Portal.Admin, "Voice assistant", "/admin/voice", MudBlazor.Icons.Material.Outlined.RecordVoiceOver,
            AiPlansPermissions.ManageVoiceAssistant, Order: 80));
}
