using System.Text.Json.Serialization;

namespace Derrimut.Identity;

/// <summary>
/// The JSON shapes of this module's endpoints, generated at build time (decision 0093): every type an endpoint of the
/// module reads from a body or writes as its response. <c>EndpointJsonShould</c> names any that is missing.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Derrimut.Identity.Contracts.ClientDto))]
[JsonSerializable(typeof(Derrimut.Identity.Contracts.MeDto))]
[JsonSerializable(typeof(Derrimut.Identity.Contracts.PersonProfileDto))]
[JsonSerializable(typeof(Derrimut.Identity.Contracts.StepUpRequest))]
[JsonSerializable(typeof(Derrimut.Identity.Contracts.TenantUserDto))]
[JsonSerializable(typeof(Derrimut.Identity.Contracts.TenantUserPage))]
[JsonSerializable(typeof(Derrimut.Identity.Features.Clients.CreateClientRequest))]
[JsonSerializable(typeof(Derrimut.Identity.Features.Grants.ChangeGrantRequest))]
[JsonSerializable(typeof(Derrimut.Identity.Features.PlatformUsers.PlatformUserPage))]
[JsonSerializable(typeof(Derrimut.Identity.Features.Profile.UpdateProfileRequest))]
[JsonSerializable(typeof(Derrimut.Identity.Features.TenantUsers.InviteUserRequest))]
[JsonSerializable(typeof(Derrimut.Identity.Features.TenantUsers.SetRolesRequest))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Identity.Contracts.ClientDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Identity.Contracts.GrantDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Identity.Contracts.GymLinkDto>))]
internal sealed partial class IdentityEndpointJson : JsonSerializerContext;
