using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Plans;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Derrimut.AiPlans.Features.Plans;

/// <summary>
/// A member's plan versions at the current location, as the use cases that write one share them (generate, edit,
/// seed): a new version becomes the member's only active plan, the one it replaces is superseded in the same
/// transaction, and the member's pages are told after it commits.
/// </summary>
internal sealed class PlanVersions(
    DerrimutDbContext db,
    ICurrentTenant tenant,
    ILiveUpdates live,
    TimeProvider time,
    ILogger<PlanVersions> logger)
{
    /// <summary>The live-update topic of plans (detail: the plan's id; person: the member).</summary>
    public const string LiveTopic = "plans";

    /// <summary>Attempts at the supersede transaction: each round of a race has one winner, so this covers ten generations for one member at once.</summary>
    private const int MaxSaveAttempts = 10;

    /// <summary>A new, unsaved version of the member's plan.</summary>
    public static MemberPlan NewVersion(Guid memberId, FitnessPlan plan, PlanRequest request, string generator, string? reason, PlanSource source) => new()
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
        Source = PlanWire.Name(source),
    };

    /// <summary>Whether the member has any plan here (the seed leaves such members alone).</summary>
    public Task<bool> AnyForAsync(Guid memberId, CancellationToken cancellationToken) =>
        db.Set<MemberPlan>().AnyAsync(p => p.MemberId == memberId, cancellationToken);

    /// <summary>
    /// Makes <paramref name="plan"/> the member's active plan in one transaction: the current active version (if any)
    /// is superseded, then the new one inserted with the next number. Two generations racing for one member both
    /// read the same active version; the database lets only one commit (the loser's update of that version fails its
    /// concurrency check, or its insert hits the one-active-plan or plan-number unique index), and the loser retries
    /// on the new state. So a member never ends with two active plans, and no plan is lost.
    /// </summary>
    /// <param name="plan">The new version.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    /// <param name="mustSupersede">For an edit: the version being edited must still be the active one.</param>
    public async Task SaveAsActiveAsync(MemberPlan plan, CancellationToken cancellationToken, MemberPlan? mustSupersede = null)
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
            catch (DbUpdateException exception) when (attempt < MaxSaveAttempts && UniqueViolations.LostRace(exception))
            {
                // Another generation for this member committed first; try again on the state it left.
                logger.LogInformation(exception, "Plan save for member {MemberId} lost a race (attempt {Attempt}); retrying", plan.MemberId, attempt);
                plan.Id = Guid.CreateVersion7();
                plan.Version = 0;
            }
            catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
            {
                throw new ConflictException("Another plan for this member was being saved at the same time; try again.", "id")
                {
                    Data = { ["cause"] = exception.GetType().Name },
                };
            }
        }
    }

    /// <summary>Tells the member's open pages (and the trainers' lists) that a plan changed; call after the commit.</summary>
    public async Task PublishAsync(MemberPlan plan)
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
}
