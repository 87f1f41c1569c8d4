using System.Text.Json.Serialization;
using Derrimut.BuildingBlocks.Caching;
using Derrimut.Identity.Authentication;

namespace Derrimut.Identity;

/// <summary>
/// The JSON shapes of what this module keeps in HybridCache (a person's access in a gym; the time of a step-up sign-
/// in), generated at build time with HybridCache's own default settings (decision 0094).
/// </summary>
[JsonSerializable(typeof(Remembered<TenantAccess>))]
[JsonSerializable(typeof(long))]
internal sealed partial class IdentityCacheJson : JsonSerializerContext;
