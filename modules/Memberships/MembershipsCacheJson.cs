using System.Text.Json.Serialization;
using Derrimut.BuildingBlocks.Caching;
using Derrimut.Memberships.Contracts;

namespace Derrimut.Memberships;

/// <summary>
/// The JSON shapes of what this module keeps in HybridCache (a member's own membership), generated at build time with
/// HybridCache's own default settings (decision 0094).
/// </summary>
[JsonSerializable(typeof(Remembered<MembershipDto>))]
internal sealed partial class MembershipsCacheJson : JsonSerializerContext;
