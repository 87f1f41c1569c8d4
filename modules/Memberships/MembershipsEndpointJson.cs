using System.Text.Json.Serialization;

namespace Derrimut.Memberships;

/// <summary>
/// The JSON shapes of this module's endpoints, generated at build time (decision 0093): every type an endpoint of the
/// module reads from a body or writes as its response. <c>EndpointJsonShould</c> names any that is missing.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Derrimut.Memberships.Contracts.AdminPlanDto))]
[JsonSerializable(typeof(Derrimut.Memberships.Contracts.MembershipDto))]
[JsonSerializable(typeof(Derrimut.Memberships.Contracts.MembershipListPage))]
[JsonSerializable(typeof(Derrimut.Memberships.Contracts.PlanSavedDto))]
[JsonSerializable(typeof(Derrimut.Memberships.Features.CancelForMember.CancelForMemberRequest))]
[JsonSerializable(typeof(Derrimut.Memberships.Features.FreezeMyMembership.FreezeRequest))]
[JsonSerializable(typeof(Derrimut.Memberships.Features.ManagePlans.PlanInput))]
[JsonSerializable(typeof(Derrimut.Memberships.Features.RefundCharge.RefundChargeRequest))]
[JsonSerializable(typeof(Derrimut.Memberships.Features.StartCheckout.StartCheckoutRequest))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Memberships.Contracts.AdminPlanDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Memberships.Contracts.LedgerLineDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Memberships.Contracts.MembershipPlanDto>))]
internal sealed partial class MembershipsEndpointJson : JsonSerializerContext;
