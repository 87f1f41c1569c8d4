using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Features.Vapi;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.AiPlans.Features.Plans;

/// <summary>Body of <c>PUT /api/plans/voice-assistant/secret</c>.</summary>
internal sealed record SetVoiceSecretRequest(string? Secret) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(Secret, "secret", VapiSecrets.MaxLength);
        errors.AddIf(Secret is { Length: > 0 and < VapiSecrets.MinLength }, "secret", $"Use at least {VapiSecrets.MinLength} characters (a random token, as Vapi's credential generator makes).");
    }
}

/// <summary>What <c>GET /api/plans/voice-assistant</c> tells an admin (never the secret).</summary>
internal sealed record VoiceAssistantStatus(bool Configured, DateTimeOffset? SecretSetAt, bool UsesDevelopmentSecret, string WebhookPath);

/// <summary>
/// <c>/api/plans</c>: members generate and read their own plans; trainers and staff see the location's members'
/// plans, edit and approve them; admins set the voice assistant's secret. All location-only; the tenant filter
/// keeps every query inside the location.
/// </summary>
internal static class PlanEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").RequireLocation().WithTags("AiPlans: workout and diet plans");
        var writes = plans.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);

        writes.MapPost("/", GenerateAsync).RequireAuthorization(AiPlansPermissions.GenerateOwnPlans).WithName("GeneratePlan");
        plans.MapGet("/mine", MineAsync).RequireAuthorization(IdentityPermissions.ViewOwnPlans).WithName("GetMyPlans");
        // Either the member's own plan (view:own_plans) or a client's (view:clients): checked in the handler.
        plans.MapGet("/{id:guid}", GetAsync).RequireAuthorization().WithName("GetPlan");
        plans.MapGet("/clients", ClientsAsync).RequireAuthorization(IdentityPermissions.ViewClients).WithName("ListClientPlans");
        writes.MapPut("/{id:guid}", EditAsync).RequireAuthorization(AiPlansPermissions.ReviewClientPlans).WithName("EditPlan");
        writes.MapPost("/{id:guid}/approve", ApproveAsync).RequireAuthorization(AiPlansPermissions.ReviewClientPlans).WithName("ApprovePlan");
        plans.MapGet("/voice-assistant", VoiceStatusAsync).RequireAuthorization(AiPlansPermissions.ManageVoiceAssistant).WithName("GetVoiceAssistant");
        writes.MapPut("/voice-assistant/secret", SetVoiceSecretAsync).RequireAuthorization(AiPlansPermissions.ManageVoiceAssistant).WithName("SetVoiceAssistantSecret");
    }

    internal static Guid UserId(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub"), out var id)
            ? id
            : throw new ForbiddenException("Plans belong to people; an integration client cannot have one.");

    internal static async Task<Created<PlanDto>> GenerateAsync(JsonElement answers, ClaimsPrincipal user, PlanDesk desk, CancellationToken ct)
    {
        var plan = await desk.GenerateAsync(UserId(user), answers, PlanSources.Form, null, null, ct);
        return TypedResults.Created($"/api/plans/{plan.Id}", plan);
    }

    internal static async Task<Ok<MyPlansDto>> MineAsync(ClaimsPrincipal user, PlanDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await desk.GetMineAsync(UserId(user), ct));

    internal static async Task<Ok<PlanDto>> GetAsync(Guid id, ClaimsPrincipal user, PlanDesk desk, IPermissionChecker permissions, ICurrentTenant tenant, CancellationToken ct)
    {
        var plan = await desk.FindAsync(id, ct);
        var mine = plan is not null && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub"), out var me) && plan.MemberId == me;
        var allowed = plan is not null && (mine
            ? await permissions.IsGrantedAsync(user, IdentityPermissions.ViewOwnPlans, tenant.Tenant, ct)
            : await permissions.IsGrantedAsync(user, IdentityPermissions.ViewClients, tenant.Tenant, ct));
        // Someone else's plan without view:clients is "not found", so ids reveal nothing.
        return allowed ? TypedResults.Ok(plan!) : throw new NotFoundException("No such plan.");
    }

    internal static async Task<Ok<IReadOnlyList<PlanSummaryDto>>> ClientsAsync(PlanDesk desk, bool? history, CancellationToken ct) =>
        TypedResults.Ok(await desk.ListClientPlansAsync(history ?? false, ct));

    internal static async Task<Ok<PlanDto>> EditAsync(Guid id, long? version, HttpRequest http, ClaimsPrincipal user, PlanDesk desk, CancellationToken ct)
    {
        string body;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(ct);
        }

        return TypedResults.Ok(await desk.EditAsync(id, UserId(user), body, version, ct));
    }

    internal static async Task<Ok<PlanDto>> ApproveAsync(Guid id, ClaimsPrincipal user, PlanDesk desk, CancellationToken ct) =>
        TypedResults.Ok(await desk.ApproveAsync(id, UserId(user), ct));

    internal static async Task<Ok<VoiceAssistantStatus>> VoiceStatusAsync(VapiSecrets secrets, CancellationToken ct)
    {
        var since = await secrets.StoredSinceAsync(ct);
        return TypedResults.Ok(new VoiceAssistantStatus(since is not null || secrets.HasDevelopmentFallback, since, since is null && secrets.HasDevelopmentFallback, VapiWebhook.Path));
    }

    internal static async Task<NoContent> SetVoiceSecretAsync(SetVoiceSecretRequest request, ClaimsPrincipal user, VapiSecrets secrets, CancellationToken ct)
    {
        await secrets.SetAsync(request.Secret!.Trim(), UserId(user), ct);
        return TypedResults.NoContent();
    }
}
