using Derrimut.AiPlans.Contracts;
using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Features.Plans;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Identity.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.AiPlans.Seeding;

/// <summary>
/// Demo plans for Development: one for a member at st-albans (knee-friendly, vegetarian) and one at werribee, so
/// the member pages, the trainer pages and the cross-tenant suite have plans in more than one location. Made by the
/// rule-based generator (no AI call at seed time). Idempotent: a member who has any plan is left alone.
/// </summary>
internal sealed class DemoPlansSeeder : IDataSeedContributor
{
    private const string Domain = "derrimut.localhost";

    private static readonly Dictionary<string, (string Email, PlanRequest Request)[]> Plans = new(StringComparer.Ordinal)
    {
        ["st-albans"] =
        [
            ($"member@st-albans.{Domain}", new PlanRequest
            {
                Age = 34, Sex = Sex.Female, HeightCm = 168, WeightKg = 72, Injuries = [InjuryKind.Knee],
                WorkoutWeekdays = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
                Goal = FitnessGoal.LoseWeight, Level = FitnessLevel.Beginner, ActivityLevel = ActivityLevel.Light,
                DietaryRestrictions = [DietaryRestriction.Vegetarian],
            }),
        ],
        ["werribee"] =
        [
            ($"member@werribee.{Domain}", new PlanRequest
            {
                Age = 41, Sex = Sex.Male, HeightCm = 181, WeightKg = 88, WorkoutDays = 4,
                Goal = FitnessGoal.BuildMuscle, Level = FitnessLevel.Intermediate, ActivityLevel = ActivityLevel.Moderate,
                Allergies = [Allergen.Nuts],
            }),
        ],
    };

    public int Order => 60;

    public Task SeedPlatformAsync(SeedContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task SeedTenantAsync(TenantInfo tenant, SeedContext context, CancellationToken cancellationToken)
    {
        if (!context.IncludeDemoData || tenant.Kind != TenantKind.Location || !Plans.TryGetValue(tenant.Identifier, out var plans))
        {
            return;
        }

        var people = context.Services.GetRequiredService<ILocationPeople>();
        var versions = context.Services.GetRequiredService<PlanVersions>();
        foreach (var (email, request) in plans)
        {
            if (await people.FindByEmailAsync(email, cancellationToken) is { } member && !await versions.AnyForAsync(member.UserId, cancellationToken))
            {
                // The rule-based generator: no AI call at seed time.
                var plan = PlanVersions.NewVersion(member.UserId, RuleBasedPlanGenerator.Generate(request), request,
                    RuleBasedPlanGenerator.GeneratorName, "demo plan seeded for Development", PlanSource.Seed);
                plan.CreatedBy = member.UserId;
                await versions.SaveAsActiveAsync(plan, cancellationToken);
            }
        }
    }
}
