using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.AiPlans.Features.Vapi;

/// <summary>Whether this gym's voice consultation can be started, and why not when it cannot.</summary>
/// <param name="Available">The public key, the assistant id and the webhook secret are all set.</param>
/// <param name="Reason">Why the member cannot start a call here (shown beside the disabled button), or null.</param>
internal sealed record VoiceAvailability(bool Available, string? Reason, string? PublicKey, string? AssistantId);

/// <summary>What <c>POST /api/plans/voice/calls</c> gives the member's page to start a Vapi web call with.</summary>
/// <param name="PublicKey">The gym's Vapi public key (meant for browsers).</param>
/// <param name="AssistantId">The gym's assistant.</param>
/// <param name="CallToken">Pass as the assistant variable <c>call_token</c>; the webhook acts for the member it names.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
/// <param name="VariableName">The assistant variable to put the token in.</param>
internal sealed record VoiceCallStart(string PublicKey, string AssistantId, string CallToken, DateTimeOffset ExpiresAt, string VariableName);

/// <summary>
/// Starting a voice consultation: <c>POST /api/plans/voice/calls</c> (and the <c>/member/plans/new</c> page, which calls
/// the same handler) issues the signed-in member a <see cref="VoiceCallTokens">call token</see> for this gym, with the
/// gym's public key and assistant id. Nothing the browser sends is trusted: the member is the signed-in person.
/// </summary>
internal static class VoiceCallsEndpoints
{
    public static void MapVoiceCalls(this RouteGroupBuilder writes) =>
        writes.MapPost("/voice/calls", async (ClaimsPrincipal user, VoiceCalls calls, CancellationToken ct) =>
                TypedResults.Ok(await calls.StartAsync(user.RequireUserId(), ct)))
            .RequireAuthorization(AiPlansPermissions.GenerateOwnPlans).WithName("StartVoiceCall")
            .WithSummary("Issues the signed-in member a short-lived token for a voice consultation, with the gym's Vapi public key and assistant id.");
}

/// <summary>Reads the gym's voice settings for members and issues call tokens.</summary>
internal sealed class VoiceCalls(DerrimutDbContext db, VapiSecrets secrets, VoiceCallTokens tokens)
{
    public async Task<VoiceAvailability> AvailabilityAsync(CancellationToken cancellationToken)
    {
        var settings = await db.Set<VoiceAssistantSettings>().AsNoTracking()
            .Select(s => new { s.PublicKey, s.AssistantId, HasSecret = s.ProtectedSecret != "" })
            .FirstOrDefaultAsync(cancellationToken);
        if (settings?.PublicKey is not { Length: > 0 } publicKey || settings.AssistantId is not { Length: > 0 } assistantId)
        {
            return new VoiceAvailability(false, "This gym has not set up its voice assistant yet; answer the questions below instead.", null, null);
        }

        if (!settings.HasSecret && !secrets.HasDevelopmentFallback)
        {
            // Without a secret the webhook refuses every call: the consultation would end with no plan.
            return new VoiceAvailability(false, "This gym's voice assistant is not switched on yet; answer the questions below instead.", null, null);
        }

        return new VoiceAvailability(true, null, publicKey, assistantId);
    }

    public async Task<VoiceCallStart> StartAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var availability = await AvailabilityAsync(cancellationToken);
        if (!availability.Available)
        {
            throw new ConflictException(availability.Reason!, "assistantId");
        }

        var (token, expiresAt) = tokens.Issue(memberId);
        return new VoiceCallStart(availability.PublicKey!, availability.AssistantId!, token, expiresAt, VoiceCallTokens.VariableName);
    }
}
