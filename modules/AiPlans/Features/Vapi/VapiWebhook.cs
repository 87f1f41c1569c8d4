using System.Net.Http.Headers;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Vapi;
using Derrimut.AiPlans.Features.GeneratePlan;
using Derrimut.AiPlans.Generation;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Derrimut.AiPlans.Features.Vapi;

/// <summary>
/// <c>POST /webhooks/vapi/generate-program</c> on a location's subdomain: Vapi's server URL for the "generate my
/// program" tool. Authenticated by the location's secret (<c>X-Vapi-Secret</c>, or <c>Authorization: Bearer</c>
/// from a Vapi bearer credential); a wrong or missing secret gets 401 and nothing is read or saved. An authenticated
/// call always gets HTTP 200 with one result per tool call (Vapi ignores any other status), well inside Vapi's 20 s.
/// </summary>
internal static class VapiWebhook
{
    public const string Path = "/webhooks/vapi/generate-program";

    /// <summary>Vapi waits 20 s by default; answer within 15 s whatever happens, leaving room for the network.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Path, HandleAsync)
            .RequireLocation()
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Webhooks)
            .WithTags("AiPlans: voice assistant")
            .WithName("VapiGenerateProgram");

    /// <summary>
    /// Every reason a call's member cannot be established reads the same (no token, forged, changed, expired, another
    /// gym's, or a person who is no longer a member here), so the answer tells a prober nothing about who exists.
    /// </summary>
    public const string UnknownCaller = "I could not confirm who this call is for, so no plan was made. Please start the voice consultation again from your plan page in the Derrimut app.";

    internal static async Task<IResult> HandleAsync(
        HttpRequest http, VapiSecrets secrets, VoiceCallTokens tokens, GeneratePlanHandler generate, ILocationPeople people, IOptions<AzureOpenAiPlanOptions> ai,
        TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(VapiWebhook).FullName!);
        var started = time.GetTimestamp();
        if (!await secrets.VerifyAsync(PresentedSecret(http), cancellationToken))
        {
            logger.LogWarning("Vapi webhook refused: wrong or missing secret");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Send this gym's voice assistant secret in X-Vapi-Secret or as a Bearer token.");
        }

        string body;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            // The kernel's request body limit bounds this.
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        var message = VapiToolCallParser.Parse(body);
        if (!message.IsToolCalls)
        {
            // Status updates, transcripts and end-of-call reports expect no answer; acknowledge them.
            return TypedResults.Json(new VapiToolResults([]), Domain.Plans.PlanJson.Options);
        }

        var results = new List<VapiToolResult>();
        foreach (var call in message.ToolCalls)
        {
            results.Add(await AnswerAsync(call, message.Call, tokens, generate, people, ai.Value, time, started, logger, cancellationToken));
        }

        logger.LogInformation("Vapi webhook answered {Count} tool call(s) of call {CallId} in {Elapsed} ms",
            results.Count, message.Call.CallId, (long)time.GetElapsedTime(started).TotalMilliseconds);
        return TypedResults.Json(new VapiToolResults(results), Domain.Plans.PlanJson.Options);
    }

    private static async Task<VapiToolResult> AnswerAsync(
        VapiToolCall call, VapiCallContext context, VoiceCallTokens tokens, GeneratePlanHandler generate, ILocationPeople people, AzureOpenAiPlanOptions ai,
        TimeProvider time, long started, ILogger logger, CancellationToken cancellationToken)
    {
        // Only the token Derrimut issued when the member's page started the call identifies the member (decision
        // 0060). A member id in the call's variables or metadata is whatever the browser that holds the gym's public
        // key chose, and tool arguments are filled in by the voice agent's LLM from the conversation.
        var member = tokens.MemberOf(context.CallToken) is { } userId ? await people.FindAsync(userId, cancellationToken) : null;
        if (member is null || !member.Roles.Contains(IdentityRoles.Member))
        {
            logger.LogWarning("Vapi tool call {ToolCallId} of call {CallId} refused: no valid call token for a member here", call.Id, context.CallId);
            return VapiToolResult.Failure(call.Id, UnknownCaller);
        }

        if (!call.Plan.Succeeded)
        {
            return VapiToolResult.Failure(call.Id, call.Plan.Errors);
        }

        var remaining = Deadline - time.GetElapsedTime(started);
        var budget = remaining < ai.TimeBudget ? remaining : ai.TimeBudget;
        if (budget < TimeSpan.FromMilliseconds(100))
        {
            // Out of time for the AI path: the rule-based plan is instant.
            budget = TimeSpan.FromMilliseconds(100);
        }

        try
        {
            var plan = await generate.HandleAsync(member.UserId, call.Plan.Request!, PlanSource.Voice, context.CallId, budget, cancellationToken);
            return VapiToolResult.Success(call.Id, Summary(plan));
        }
        catch (ValidationException exception)
        {
            return VapiToolResult.Failure(call.Id, exception.Errors);
        }
        catch (Exception exception) when (exception is NotFoundException or ConflictException)
        {
            return VapiToolResult.Failure(call.Id, exception.Message);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Vapi tool call {ToolCallId} failed", call.Id);
            return VapiToolResult.Failure(call.Id, "Sorry, the plan could not be saved just now. Please try again in a minute.");
        }
    }

    /// <summary>What the voice agent reads out: short, one line, no markup.</summary>
    private static string Summary(PlanDto plan) => FormattableString.Invariant(
        $"Your plan \"{plan.Name}\" is ready in the app: {plan.WorkoutPlan.Days.Count} training days a week ({string.Join(", ", plan.WorkoutPlan.Schedule)}) and about {plan.Energy.TargetCalories} calories a day with {plan.DietPlan.Macros.ProteinG} grams of protein.");

    private static string? PresentedSecret(HttpRequest http)
    {
        if (http.Headers.TryGetValue("X-Vapi-Secret", out var header) && !string.IsNullOrEmpty(header.ToString()))
        {
            return header.ToString();
        }

        return AuthenticationHeaderValue.TryParse(http.Headers.Authorization.ToString(), out var authorization)
            && string.Equals(authorization.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            ? authorization.Parameter
            : null;
    }
}
