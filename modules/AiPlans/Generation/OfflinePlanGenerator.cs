using System.Text.Json.Nodes;
using Derrimut.AiPlans.Domain.Generation;
using Derrimut.AiPlans.Domain.Input;
using Derrimut.AiPlans.Domain.Plans;

namespace Derrimut.AiPlans.Generation;

/// <summary>
/// The offline, evidence-based generator (<see cref="RuleBasedPlanGenerator"/>) behind <see cref="IPlanGenerator"/>:
/// the default when no AI service is configured and the fallback whenever the AI path fails. Deterministic, so a
/// repair request is answered with the same plan.
/// </summary>
internal sealed class OfflinePlanGenerator : IPlanGenerator
{
    public string Name => RuleBasedPlanGenerator.GeneratorName;

    public Task<PlanAnswer> AnswerAsync(PlanRequest request, PlanRepair? repair, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var plan = JsonNode.Parse(PlanJson.Serialize(RuleBasedPlanGenerator.Generate(request)))!.AsObject();

        // The schema leaves energy out (we calculate it, never the writer); the reader attaches it again.
        plan.Remove("energy");
        return Task.FromResult(new PlanAnswer(plan.ToJsonString()));
    }
}
