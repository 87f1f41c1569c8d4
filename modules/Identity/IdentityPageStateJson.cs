using System.Text.Json.Serialization;
using Derrimut.Identity.Contracts;

namespace Derrimut.Identity;

/// <summary>
/// The JSON shapes of what this module's pages hand from prerender to their circuit (the areas' overview), generated at
/// build time with Blazor's own settings for persisted state (decision 0096).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(MeDto))]
internal sealed partial class IdentityPageStateJson : JsonSerializerContext;
