using System.Text.Json.Serialization;

namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>
/// The JSON shape of the tenant catalogue's entries (memory, and Redis when configured), generated at build time with
/// HybridCache's own default settings (decision 0094).
/// </summary>
[JsonSerializable(typeof(TenantInfo))]
internal sealed partial class TenantCacheJson : JsonSerializerContext;
