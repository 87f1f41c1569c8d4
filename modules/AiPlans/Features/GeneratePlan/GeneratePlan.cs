using System.Security.Claims;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Features.Plans;
using Derrimut.AiPlans.Generation;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Derrimut.AiPlans.Features.GeneratePlan;

/// <summary>
/// <c>POST /api/plans</c> (and the generate page, and the voice assistant): reads the member's loose answers (form
/// field names or spoken values), composes a plan and makes it the member's active one, superseding the previous plan
/// in the same transaction.
/// </summary>
internal static class GeneratePlanEndpoint
{
    public static void MapGeneratePlan(this RouteGroupBuilder writes) =>
        writes.MapPost("/", HandleAsync).RequireAuthorization(AiPlansPermissions.GenerateOwnPlans).WithName("GeneratePlan");

    internal static async Task<Results<Created<PlanDto>, ProblemHttpResult>> HandleAsync(JsonElement answers, ClaimsPrincipal user, GeneratePlanHandler handler, CancellationToken ct)
    {
        try
        {
            var plan = await handler.HandleAsync(user.RequireUserId(), answers, PlanSource.Form, ct);
            return TypedResults.Created($"/api/plans/{plan.Id}", plan);
        }
        catch (PlanQuotaExceededException quota)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, type: PlanQuotaExceededException.ProblemType,
                title: "Plan limit reached.", detail: quota.Message,
                extensions: new Dictionary<string, object?> { ["limit"] = quota.Limit, ["period"] = "24h" });
        }
    }
}

/// <summary>A member asked for more plans in a day than <c>AiPlans:PlansPerMemberPerDay</c> allows (decision 0062).</summary>
internal sealed class PlanQuotaExceededException(int limit)
    : Exception($"You can generate {limit} plans in 24 hours; try again later.")
{
    public const string ProblemType = "https://derrimut.com.au/problems/plan-quota";

    public int Limit { get; } = limit;
}

internal sealed class GeneratePlanHandler(
    PlanComposer composer,
    ILocationPeople people,
    PlanVersions versions,
    DerrimutDbContext db,
    TimeProvider time,
    Microsoft.Extensions.Configuration.IConfiguration configuration,
    ILogger<GeneratePlanHandler> logger)
{
    /// <summary>Generation costs model calls: each member of a gym gets this many plans per rolling 24 hours.</summary>
    private readonly int _plansPerDay = Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue(configuration, "AiPlans:PlansPerMemberPerDay", 10);

    /// <summary>Reads the answers, composes a plan within the configured budget and saves it as the active plan.</summary>
    /// <exception cref="ValidationException">An answer is missing or out of range (keyed by field, e.g. <c>heightCm</c>).</exception>
    /// <exception cref="NotFoundException">The member does not belong to this location.</exception>
    public async Task<PlanDto> HandleAsync(Guid memberId, JsonElement answers, PlanSource source, CancellationToken cancellationToken)
    {
        var read = PlanRequestReader.Read(answers);
        if (!read.Succeeded)
        {
            throw new ValidationException(read.Errors);
        }

        return await HandleAsync(memberId, read.Request!, source, null, null, cancellationToken);
    }

    /// <summary>Composes a plan for a request that has been read and validated within <paramref name="budget"/> (the configured one when null), and saves it as the active plan.</summary>
    public async Task<PlanDto> HandleAsync(Guid memberId, PlanRequest request, PlanSource source, string? sourceReference, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var member = await people.FindAsync(memberId, cancellationToken)
            ?? throw new NotFoundException("That member does not belong to this gym.");
        var since = time.GetUtcNow().AddDays(-1);
        if (await db.Set<Domain.Plans.MemberPlan>().CountAsync(p => p.MemberId == memberId && p.CreatedAt >= since, cancellationToken) >= _plansPerDay)
        {
            throw new PlanQuotaExceededException(_plansPerDay);
        }

        var composed = budget is { } limit
            ? await composer.ComposeAsync(request, limit, cancellationToken)
            : await composer.ComposeAsync(request, cancellationToken);
        var plan = PlanVersions.NewVersion(memberId, composed.Plan, request, composed.Generator, composed.FallbackReason, source);
        plan.SourceReference = sourceReference;
        plan.CreatedBy = memberId;
        plan.AttemptsJson = composed.Attempts.Count == 0 ? null : JsonSerializer.Serialize(composed.Attempts, Domain.Plans.PlanJson.Options);
        await versions.SaveAsActiveAsync(plan, cancellationToken);
        logger.LogInformation("Saved plan {Number} for member {MemberId} from {Source} by {Generator} in {Elapsed} ms",
            plan.Number, memberId, plan.Source, composed.Generator, (long)composed.Elapsed.TotalMilliseconds);
        await versions.PublishAsync(plan);
        return PlanViews.ToDto(plan, member.DisplayName);
    }
}
