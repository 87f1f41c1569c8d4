using System.Text.Json.Serialization;
using Derrimut.Organizations.Contracts;

namespace Derrimut.Organizations;

/// <summary>
/// The JSON shapes of what this module's pages hand from prerender to their circuit (its home page and the admin area),
/// generated at build time with Blazor's own settings for persisted state (decision 0096).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(OrganizationProfileDto))]
[JsonSerializable(typeof(List<GymLocationDto>))]
internal sealed partial class OrganizationsPageStateJson : JsonSerializerContext;
