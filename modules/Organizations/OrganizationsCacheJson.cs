using System.Text.Json.Serialization;
using Derrimut.BuildingBlocks.Caching;
using Derrimut.Organizations.Contracts;

namespace Derrimut.Organizations;

/// <summary>
/// The JSON shapes of what this module keeps in HybridCache (a gym's public profile), generated at build time with
/// HybridCache's own default settings (decision 0094).
/// </summary>
[JsonSerializable(typeof(Remembered<OrganizationProfileDto>))]
internal sealed partial class OrganizationsCacheJson : JsonSerializerContext;
