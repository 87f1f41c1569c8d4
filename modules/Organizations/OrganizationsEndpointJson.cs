using System.Text.Json.Serialization;

namespace Derrimut.Organizations;

/// <summary>
/// The JSON shapes of this module's endpoints, generated at build time (decision 0093): every type an endpoint of the
/// module reads from a body or writes as its response. <c>EndpointJsonShould</c> names any that is missing.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Derrimut.Organizations.Contracts.GymProfileDto))]
[JsonSerializable(typeof(Derrimut.Organizations.Contracts.OrganizationProfileDto))]
[JsonSerializable(typeof(Derrimut.Organizations.Contracts.PlatformTenantDto))]
[JsonSerializable(typeof(Derrimut.Organizations.Contracts.TenantPage))]
[JsonSerializable(typeof(Derrimut.Organizations.Features.GymProfile.UpdateGymProfileRequest))]
[JsonSerializable(typeof(Derrimut.Organizations.Features.PlatformTenants.CreateTenantRequest))]
[JsonSerializable(typeof(Derrimut.Organizations.Features.PlatformTenants.UpdateTenantRequest))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Organizations.Contracts.GymProfileChangeDto>))]
internal sealed partial class OrganizationsEndpointJson : JsonSerializerContext;
