using System.Text.Json.Serialization;

namespace Derrimut.Billing;

/// <summary>
/// The JSON shapes of this module's endpoints, generated at build time (decision 0093): every type an endpoint of the
/// module reads from a body or writes as its response. <c>EndpointJsonShould</c> names any that is missing.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Derrimut.Billing.Accounts.SetStripeAccountRequest))]
[JsonSerializable(typeof(Derrimut.Billing.Accounts.StripeAccountDto))]
[JsonSerializable(typeof(Derrimut.Billing.Accounts.StripeConnectionTestDto))]
[JsonSerializable(typeof(Derrimut.Billing.Webhooks.WebhookEventDto))]
[JsonSerializable(typeof(Derrimut.Billing.Webhooks.WebhookEventPage))]
[JsonSerializable(typeof(Derrimut.Billing.Webhooks.WebhookRetrySummary))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Billing.Accounts.StripeAccountChangeDto>))]
internal sealed partial class BillingEndpointJson : JsonSerializerContext;
