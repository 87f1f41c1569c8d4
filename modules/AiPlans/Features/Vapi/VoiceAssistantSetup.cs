using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

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

/// <summary>Body of <c>PUT /api/plans/voice-assistant</c>: the ids the member's page starts a call with (empty clears).</summary>
internal sealed record SaveVoiceAssistantRequest(string? PublicKey, string? AssistantId) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        // Vapi's public keys and assistant ids are UUIDs; anything else is a paste of the wrong value (often the
        // private key, which must never reach a browser).
        errors.AddIf(!string.IsNullOrWhiteSpace(PublicKey) && !Guid.TryParse(PublicKey.Trim(), out _), "publicKey",
            "Vapi's public key looks like 1b2c3d4e-…: copy it from the dashboard's API Keys page (the public one, never the private key).");
        errors.AddIf(!string.IsNullOrWhiteSpace(AssistantId) && !Guid.TryParse(AssistantId.Trim(), out _), "assistantId",
            "An assistant id looks like 1b2c3d4e-…: copy it from the assistant's page in Vapi's dashboard.");
    }
}

/// <summary>What <c>GET /api/plans/voice-assistant</c> tells an admin (never the secret).</summary>
/// <param name="Configured">A secret is set (or the development one applies), so Vapi's calls can be answered.</param>
/// <param name="SecretSetAt">When the settings holding the secret last changed.</param>
/// <param name="UsesDevelopmentSecret">Only the development fallback secret applies.</param>
/// <param name="WebhookPath">The path of the gym's Vapi endpoint.</param>
/// <param name="PublicKey">Vapi's public key for the web SDK.</param>
/// <param name="AssistantId">The assistant the member's page starts.</param>
/// <param name="WebhookUrl">The full address to paste into the tool's server URL in Vapi's dashboard.</param>
internal sealed record VoiceAssistantStatus(
    bool Configured, DateTimeOffset? SecretSetAt, bool UsesDevelopmentSecret, string WebhookPath, string? PublicKey = null, string? AssistantId = null, string? WebhookUrl = null);

/// <summary>
/// <c>GET /api/plans/voice-assistant</c>, <c>PUT /api/plans/voice-assistant</c>, <c>PUT /api/plans/voice-assistant/secret</c>
/// and <c>POST /api/plans/voice-assistant/test</c>: a location's admin sees whether the voice assistant is set up,
/// sets its public key and assistant id, sets the secret Vapi sends (<see cref="VapiWebhook"/> checks it; it is never
/// shown again) and sends a signed sample tool call to the gym's own endpoint (<see cref="VoiceAssistantTester"/>).
/// The <c>/admin/voice</c> page calls the same handlers.
/// </summary>
internal static class VoiceAssistantSetup
{
    public static void MapVoiceAssistantSetup(this RouteGroupBuilder plans, RouteGroupBuilder writes)
    {
        plans.MapGet("/voice-assistant", (VoiceAssistantSettingsHandler h, CancellationToken ct) => h.StatusAsync(ct))
            .RequireAuthorization(AiPlansPermissions.ManageVoiceAssistant).WithName("GetVoiceAssistant");
        writes.MapPut("/voice-assistant", async (SaveVoiceAssistantRequest request, ClaimsPrincipal user, VoiceAssistantSettingsHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.SaveAsync(request, user, ct)))
            .RequireAuthorization(AiPlansPermissions.ManageVoiceAssistant).WithName("SaveVoiceAssistant");
        plans.MapVoiceAssistantChanges();
        writes.MapPut("/voice-assistant/secret", SetSecretAsync).RequireAuthorization(AiPlansPermissions.ManageVoiceAssistant).WithName("SetVoiceAssistantSecret");
        writes.MapPost("/voice-assistant/test", async (ClaimsPrincipal user, VoiceAssistantTester tester, CancellationToken ct) =>
                TypedResults.Ok(await tester.HandleAsync(user, ct)))
            .RequireAuthorization(AiPlansPermissions.ManageVoiceAssistant).WithName("TestVoiceAssistant")
            .WithSummary("Sends a signed sample tool call to this gym's Vapi endpoint, as Vapi does, and reports its answer.");
    }

    internal static async Task<NoContent> SetSecretAsync(SetVoiceSecretRequest request, ClaimsPrincipal user, VapiSecrets secrets, CancellationToken ct)
    {
        await secrets.SetAsync(request.Secret!.Trim(), user, ct);
        return TypedResults.NoContent();
    }
}

/// <summary>Reads and saves the location's voice assistant settings (the secret goes through <see cref="VapiSecrets"/>).</summary>
internal sealed class VoiceAssistantSettingsHandler(DerrimutDbContext db, VapiSecrets secrets, ISiteAddresses sites, VoiceAssistantAudit audit)
{
    public async Task<VoiceAssistantStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var since = await secrets.StoredSinceAsync(cancellationToken);
        var settings = await db.Set<VoiceAssistantSettings>().AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return new VoiceAssistantStatus(
            since is not null || secrets.HasDevelopmentFallback, since, since is null && secrets.HasDevelopmentFallback, VapiWebhook.Path,
            settings?.PublicKey, settings?.AssistantId, sites.ForCurrentSite(VapiWebhook.Path).ToString());
    }

    public async Task<VoiceAssistantStatus> SaveAsync(SaveVoiceAssistantRequest request, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
        var settings = await db.Set<VoiceAssistantSettings>().FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new VoiceAssistantSettings();
            db.Add(settings);
        }

        var changedBy = actor.RequireUserId();
        // Saved with the change (decision 0050): a refused or conflicting save leaves no history line behind.
        await audit.RecordIdsAsync(actor, settings.PublicKey, Blank(request.PublicKey), settings.AssistantId, Blank(request.AssistantId), cancellationToken);
        settings.PublicKey = Blank(request.PublicKey);
        settings.AssistantId = Blank(request.AssistantId);
        settings.ChangedBy = changedBy;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            throw new ConflictException("The voice settings were changed by someone else at the same time; reload and save again.", "publicKey");
        }

        return await StatusAsync(cancellationToken);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();
}
