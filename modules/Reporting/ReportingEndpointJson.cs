using System.Text.Json.Serialization;

namespace Derrimut.Reporting;

/// <summary>
/// The JSON shapes of this module's endpoints, generated at build time (decision 0093): every type an endpoint of the
/// module reads from a body or writes as its response. <c>EndpointJsonShould</c> names any that is missing.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Derrimut.Reporting.Contracts.DashboardDto))]
[JsonSerializable(typeof(Derrimut.Reporting.Contracts.FranchiseDashboardDto))]
[JsonSerializable(typeof(Derrimut.Reporting.Contracts.PlatformDashboardDto))]
[JsonSerializable(typeof(Derrimut.Reporting.Contracts.ReportDto))]
internal sealed partial class ReportingEndpointJson : JsonSerializerContext;
