using System.Text.Json.Serialization;

namespace Derrimut.AiPlans;

/// <summary>
/// The JSON shapes of this module's endpoints, generated at build time (decision 0093): every type an endpoint of the
/// module reads from a body or writes as its response. <c>EndpointJsonShould</c> names any that is missing.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Derrimut.AiPlans.Contracts.MyPlansDto))]
[JsonSerializable(typeof(Derrimut.AiPlans.Contracts.PlanDto))]
[JsonSerializable(typeof(Derrimut.AiPlans.Features.Vapi.SaveVoiceAssistantRequest))]
[JsonSerializable(typeof(Derrimut.AiPlans.Features.Vapi.SetVoiceSecretRequest))]
[JsonSerializable(typeof(Derrimut.AiPlans.Features.Vapi.VoiceAssistantStatus))]
[JsonSerializable(typeof(Derrimut.AiPlans.Features.Vapi.VoiceCallStart))]
[JsonSerializable(typeof(Derrimut.AiPlans.Features.Vapi.VoiceTestResult))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.AiPlans.Contracts.PlanSummaryDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.AiPlans.Features.Vapi.VoiceAssistantChangeDto>))]
internal sealed partial class AiPlansEndpointJson : JsonSerializerContext;
