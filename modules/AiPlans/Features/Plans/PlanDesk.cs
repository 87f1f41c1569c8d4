using System.Text.Json;
using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.AiPlans.Generation;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Identity.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Derrimut.AiPlans.Features.Plans;

/// <summary>Where a plan came from, as stored in <see cref="MemberPlan.Source"/>.</summary>
internal static class PlanSources
{
    public const string Form = "form";
    public const string Voice = "voice";
    public const string TrainerEdit = "trainer-edit";
    public const string Seed = "seed";

    public static readonly IReadOnlyList<string> All = [Form, Voice, TrainerEdit, Seed];
}

/// <summary>
/// The plans of the current location: generate (compose, then supersede the active plan in one transaction), read,
/// edit and approve. Used by the API, the Vapi webhook and the pages. Every write publishes a <c>plans</c> live
/// update for the member after it commits.
/// </summary>
internal sealed class PlanDesk(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    PlanComposer composer,
    ILocationPeople people,
    ILiveUpdates live,
    TimeProvider time,
    ILogger<PlanDesk> logger) : IMemberPlans
{
    public const string LiveTopic = "plans";

    /// <summary>The generator name of a plan a trainer wrote by editing.</summary>
    public const string TrainerGenerator = "trainer";

    /// <summary>Attempts at the supersede transaction: each round of a race has one winner, so this covers ten generations for one member at once.</summary>
    private const int MaxSaveAttempts = 10;

    public Task<PlanDto> GenerateAsync(Guid memberId, JsonElement answers, string source, CancellationToken cancellationToken = default) =>
        GenerateAsync(memberId, answers, source, null, null, cancellationToken);

    /// <summary>Reads the answers, composes a plan within <paramref name="budget"/> (the configured one when null) and saves it.</summary>
    public async Task<PlanDto> GenerateAsync(Guid memberId, JsonElement answers, string source, string? sourceReference, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var read = PlanRequestReader.Read(answers);
        if (!read.Succeeded)
        {
            throw new ValidationException(read.Errors);
        }

        return await GenerateAsync(memberId, read.Request!, source, sourceReference, budget, cancellationToken);
    }

    /// <summary>Composes a plan for a request that has been read and validated, and saves it as the active plan.</summary>
    public async Task<PlanDto> GenerateAsync(Guid memberId, PlanRequest request, string source, string? sourceReference, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var member = await people.FindAsync(memberId, cancellationToken)
            ?? throw new NotFoundException("That member does not belong to this gym.");
        var composed = budget is { } limit
            ? await composer.ComposeAsync(request, limit, cancellationToken)
            : await composer.ComposeAsync(request, cancellationToken);
        var plan = NewVersion(memberId, composed.Plan, request, composed.Generator, composed.FallbackReason, source);
        plan.SourceReference = sourceReference;
        plan.CreatedBy = memberId;
        plan.AttemptsJson = composed.Attempts.Count == 0 ? null : JsonSerializer.Serialize(composed.Attempts, Domain.Plans.PlanJson.Options);
        await SupersedeAndSaveAsync(plan, cancellationToken);
        logger.LogInformation("Saved plan {Number} for member {MemberId} from {Source} by {Generator} in {Elapsed} ms",
            plan.Number, memberId, source, composed.Generator, (long)composed.Elapsed.TotalMilliseconds);
        await PublishAsync(plan);
        return ToDto(plan, member.DisplayName);
    }

    public async Task<MyPlansDto> GetMineAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var plans = await db.Set<MemberPlan>().AsNoTracking()
            .Where(p => p.MemberId == memberId)
            .OrderByDescending(p => p.Number)
            .ToListAsync(cancellationToken);
        var name = (await people.FindAsync(memberId, cancellationToken))?.DisplayName ?? "";
        var active = plans.FirstOrDefault(p => p.IsActive);
        return new MyPlansDto(active is null ? null : ToDto(active, name), [.. plans.Select(p => ToSummary(p, name))]);
    }

    public async Task<PlanDto?> FindAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Set<MemberPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var name = (await people.FindAsync(plan.MemberId, cancellationToken))?.DisplayName ?? "";
        return ToDto(plan, name);
    }

    public async Task<IReadOnlyList<PlanSummaryDto>> ListClientPlansAsync(bool includeHistory, CancellationToken cancellationToken = default)
    {
        var query = db.Set<MemberPlan>().AsNoTracking();
        if (!includeHistory)
        {
            query = query.Where(p => p.ActiveMemberId != null);
        }

        var plans = await query.OrderByDescending(p => p.CreatedAt).Take(500).ToListAsync(cancellationToken);
        var names = await people.FindManyAsync(plans.Select(p => p.MemberId), cancellationToken);
        return [.. plans.Select(p => ToSummary(p, names.GetValueOrDefault(p.MemberId)?.DisplayName ?? ""))];
    }

    public async Task<PlanDto> EditAsync(Guid planId, Guid trainerId, string plan, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var current = await db.Set<MemberPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new NotFoundException("No such plan at this gym.");
        if (!current.IsActive)
        {
            throw new ConflictException("Only the member's active plan can be edited; this one has been superseded.", "id");
        }

        if (expectedVersion is { } version && version != current.Version)
        {
            throw new ConflictException("The plan changed since you opened it; reload it and edit again.", "version");
        }

        var request = JsonSerializer.Deserialize<PlanRequest>(current.InputJson, Domain.Plans.PlanJson.Options)!;
        // The same reader and validator as every generated plan, against the member's own facts.
        var result = LlmPlanParser.ParseAndValidate(plan, request);
        if (!result.Succeeded)
        {
            throw new ValidationException(result.Errors
                .GroupBy(error => error.Path, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Select(error => error.Message).ToArray(), StringComparer.Ordinal));
        }

        var trainerName = await DisplayNameAsync(trainerId, cancellationToken);
        var edited = NewVersion(current.MemberId, result.Plan!, request, TrainerGenerator, null, PlanSources.TrainerEdit);
        edited.CreatedBy = trainerId;
        edited.EditedFromId = current.Id;
        edited.ReviewedById = trainerId;
        edited.ReviewedByName = trainerName;
        edited.ReviewedAt = time.GetUtcNow();
        await SupersedeAndSaveAsync(edited, cancellationToken, mustSupersede: current);
        await PublishAsync(edited);
        var memberName = (await people.FindAsync(edited.MemberId, cancellationToken))?.DisplayName ?? "";
        return ToDto(edited, memberName);
    }

    public async Task<PlanDto> ApproveAsync(Guid planId, Guid trainerId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Set<MemberPlan>().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken)
            ?? throw new NotFoundException("No such plan at this gym.");
        plan.ReviewedById = trainerId;
        plan.ReviewedByName = await DisplayNameAsync(trainerId, cancellationToken);
        plan.ReviewedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The plan changed while you approved it; reload it and approve again.");
        }

        await PublishAsync(plan);
        var memberName = (await people.FindAsync(plan.MemberId, cancellationToken))?.DisplayName ?? "";
        return ToDto(plan, memberName);
    }

    /// <summary>Saves a plan the seed made (no AI call), superseding nothing if the member already has one.</summary>
    internal async Task<bool> SeedAsync(Guid memberId, PlanRequest request, CancellationToken cancellationToken)
    {
        if (await db.Set<MemberPlan>().AnyAsync(p => p.MemberId == memberId, cancellationToken))
        {
            return false;
        }

        var plan = RuleBasedPlanGenerator.Generate(request);
        var row = NewVersion(memberId, plan, request, RuleBasedPlanGenerator.GeneratorName, "demo plan seeded for Development", PlanSources.Seed);
        row.CreatedBy = memberId;
        await SupersedeAndSaveAsync(row, cancellationToken);
        return true;
    }

    private static MemberPlan NewVersion(Guid memberId, FitnessPlan plan, PlanRequest request, string generator, string? reason, string source) => new()
    {
        MemberId = memberId,
        ActiveMemberId = memberId,
        Name = plan.Name.Length > 200 ? plan.Name[..200] : plan.Name,
        PlanJson = Domain.Plans.PlanJson.Serialize(plan),
        InputJson = Domain.Plans.PlanJson.Serialize(request),
        Bmr = plan.Energy.Bmr,
        Tdee = plan.Energy.Tdee,
        TargetCalories = plan.Energy.TargetCalories,
        TrainingDays = plan.WorkoutPlan.Days.Count,
        Goal = JsonNamingPolicy.CamelCase.ConvertName(request.Goal.ToString()),
        Generator = generator,
        GeneratorReason = reason is { Length: > 1000 } ? reason[..1000] : reason,
        Source = source,
    };

    /// <summary>
    /// Makes <paramref name="plan"/> the member's active plan in one transaction: the current active version (if any)
    /// is superseded, then the new one inserted with the next number. Two generations racing for one member both
    /// read the same active version; the database lets only one commit (the loser's update of that version fails its
    /// concurrency check, or its insert hits the one-active-plan or plan-number unique index), and the loser retries
    /// on the new state. So a member never ends with two active plans, and no plan is lost.
    /// </summary>
    /// <param name="mustSupersede">For an edit: the version being edited must still be the active one.</param>
    private async Task SupersedeAndSaveAsync(MemberPlan plan, CancellationToken cancellationToken, MemberPlan? mustSupersede = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var active = await db.Set<MemberPlan>()
                    .Where(p => p.MemberId == plan.MemberId && p.ActiveMemberId != null)
                    .ToListAsync(cancellationToken);
                if (mustSupersede is not null && (active.Count != 1 || active[0].Id != mustSupersede.Id || active[0].Version != mustSupersede.Version))
                {
                    throw new ConflictException("The plan changed since you opened it (a newer plan or edit was saved); reload it and edit again.", "version");
                }

                var now = time.GetUtcNow();
                foreach (var previous in active)
                {
                    previous.Supersede(now);
                }

                if (active.Count > 0)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                plan.Number = (await db.Set<MemberPlan>().Where(p => p.MemberId == plan.MemberId).MaxAsync(p => (int?)p.Number, cancellationToken) ?? 0) + 1;
                db.Add(plan);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return;
            }
            catch (DbUpdateException exception) when (attempt < MaxSaveAttempts)
            {
                // Another generation for this member committed first; try again on the state it left.
                logger.LogInformation(exception, "Plan save for member {MemberId} lost a race (attempt {Attempt}); retrying", plan.MemberId, attempt);
                plan.Id = Guid.CreateVersion7();
                plan.Version = 0;
            }
            catch (DbUpdateException exception)
            {
                throw new ConflictException("Another plan for this member was being saved at the same time; try again.", "id")
                {
                    Data = { ["cause"] = exception.GetType().Name },
                };
            }
        }
    }

    private async Task<string> DisplayNameAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Set<DerrimutUser>().AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken)
        ?? "a trainer";

    private async Task PublishAsync(MemberPlan plan)
    {
        try
        {
            // After commit; carries only ids: the member's page reloads through its own query.
            await live.PublishAsync(new LiveUpdate(plan.TenantId == Guid.Empty ? tenant.Id ?? Guid.Empty : plan.TenantId, LiveTopic, plan.MemberId, plan.Id.ToString()));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The plan is saved; a missed push only means the page shows it on its next load.
            logger.LogWarning(exception, "Could not publish the plans live update for member {MemberId}", plan.MemberId);
        }
    }

    internal static PlanDto ToDto(MemberPlan plan, string memberName)
    {
        var content = JsonSerializer.Deserialize<StoredPlan>(plan.PlanJson, Domain.Plans.PlanJson.Options)!;
        var input = JsonSerializer.Deserialize<PlanInputDto>(plan.InputJson, Domain.Plans.PlanJson.Options)!;
        return new PlanDto(
            plan.Id, plan.MemberId, memberName, plan.Number, plan.IsActive, plan.Name, content.Energy, content.WorkoutPlan, content.DietPlan, input,
            plan.Generator, plan.GeneratorReason, plan.Source, plan.CreatedAt, plan.SupersededAt,
            plan.ReviewedById is { } reviewer ? new PlanReviewDto(reviewer, plan.ReviewedByName ?? "", plan.ReviewedAt ?? plan.UpdatedAt, plan.Source == PlanSources.TrainerEdit) : null,
            plan.Version);
    }

    private static PlanSummaryDto ToSummary(MemberPlan plan, string memberName) => new(
        plan.Id, plan.MemberId, memberName, plan.Number, plan.IsActive, plan.Name, plan.TargetCalories, plan.TrainingDays,
        plan.Generator, plan.Source, plan.CreatedAt, plan.ReviewedByName);

    /// <summary>The stored plan JSON read into the public shapes (same camelCase names).</summary>
    private sealed record StoredPlan(string Name, EnergyDto Energy, WorkoutPlanDto WorkoutPlan, DietPlanDto DietPlan);
}
