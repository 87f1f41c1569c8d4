using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.AiPlans.Features.Vapi;

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
/// <c>GET /api/plans/voice-assistant</c> and <c>PUT /api/plans/voice-assistant/secret</c>: a location's admin sees
/// whether the voice assistant is set up and sets the secret Vapi sends (<see cref="VapiWebhook"/> checks it).
/// </summary>
internal static class VoiceAssistantSetup
{
    public static void MapVoiceAssistantSetup(this RouteGroupBuilder plans, RouteGroupBuilder writes)
    {
        plans.MapGet("/voice-assistant", StatusAsync).RequireAuthorization(AiPlansPermissions.ManageVoiceAssistant).WithName("GetVoiceAssistant");
        writes.MapPut("/voice-assistant/secret", SetSecretAsync).RequireAuthorization(AiPlansPermissions.ManageVoiceAssistant).WithName("SetVoiceAssistantSecret");
    }

    internal static async Task<Ok<VoiceAssistantStatus>> StatusAsync(VapiSecrets secrets, CancellationToken ct)
    {
        var since = await secrets.StoredSinceAsync(ct);
        return TypedResults.Ok(new VoiceAssistantStatus(since is not null || secrets.HasDevelopmentFallback, since, since is null && secrets.HasDevelopmentFallback, VapiWebhook.Path));
    }

    internal static async Task<NoContent> SetSecretAsync(SetVoiceSecretRequest request, ClaimsPrincipal user, VapiSecrets secrets, CancellationToken ct)
    {
        await secrets.SetAsync(request.Secret!.Trim(), user.RequireUserId(), ct);
        return TypedResults.NoContent();
    }
}
