using System.Text.Json.Serialization;
using Derrimut.Reporting.Features.Dashboard;

namespace Derrimut.Reporting;

/// <summary>
/// The JSON shapes of what this module keeps in HybridCache (a gym's dashboard figures), generated at build time with
/// HybridCache's own default settings (decision 0094).
/// </summary>
[JsonSerializable(typeof(CachedDashboard))]
internal sealed partial class ReportingCacheJson : JsonSerializerContext;
