using System.Text.Json.Serialization;
using Derrimut.Reporting.Contracts;

namespace Derrimut.Reporting;

/// <summary>
/// The JSON shapes of what this module's pages hand from prerender to their circuit (the admin dashboard), generated at
/// build time with Blazor's own settings for persisted state (decision 0096).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(DashboardDto))]
internal sealed partial class ReportingPageStateJson : JsonSerializerContext;
