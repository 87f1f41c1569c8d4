using System.Text.Json.Serialization;
using Derrimut.Memberships.Contracts;

namespace Derrimut.Memberships;

/// <summary>
/// The JSON shapes of what this module's pages hand from prerender to their circuit (the member's and the admin's
/// membership pages and the plans), generated at build time with Blazor's own settings for persisted state (decision
/// 0096).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(MembershipDto))]
[JsonSerializable(typeof(List<MembershipPlanDto>))]
internal sealed partial class MembershipsPageStateJson : JsonSerializerContext;
