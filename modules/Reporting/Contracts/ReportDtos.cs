namespace Derrimut.Reporting.Contracts;

/// <summary>
/// A report over a range of the gym's local days (<c>GET /api/reports/{report}?from&amp;to</c>): headline figures,
/// series to chart, tables, and for attendance the weekday × hour heatmap. <c>format=csv</c> streams the report's
/// detail rows instead.
/// </summary>
/// <param name="Report">The report's name: <c>membership</c>, <c>revenue</c>, <c>attendance</c>, <c>trainers</c>, <c>shop</c>, <c>payroll</c>.</param>
/// <param name="Title">Its title.</param>
/// <param name="From">The first local day.</param>
/// <param name="To">The last local day (inclusive).</param>
/// <param name="By">How the series are bucketed: <c>day</c>, <c>week</c> (starting Monday) or <c>month</c>.</param>
/// <param name="Totals">The headline figures.</param>
/// <param name="Series">Series over time or by category.</param>
/// <param name="Tables">Tables (by plan, by class, by product…).</param>
/// <param name="Heatmap">Check-ins by weekday (rows, Monday first) and local hour (columns 0–23); attendance only.</param>
public sealed record ReportDto(
    string Report,
    string Title,
    DateOnly From,
    DateOnly To,
    string By,
    IReadOnlyList<ReportFigureDto> Totals,
    IReadOnlyList<ReportSeriesDto> Series,
    IReadOnlyList<ReportTableDto> Tables,
    IReadOnlyList<IReadOnlyList<int>>? Heatmap);

/// <summary>A headline figure.</summary>
/// <param name="Key">Stable key, e.g. <c>joins</c>.</param>
/// <param name="Label">What it is, in the gym's words.</param>
/// <param name="Value">The figure (cents for money, percent for rates).</param>
/// <param name="Unit"><c>count</c>, <c>cents</c> or <c>percent</c>.</param>
public sealed record ReportFigureDto(string Key, string Label, decimal Value, string Unit);

/// <summary>A series to chart.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Label">Legend label.</param>
/// <param name="Chart"><c>line</c> or <c>bar</c>.</param>
/// <param name="Labels">The x-axis labels.</param>
/// <param name="Values">One value per label (cents for money).</param>
public sealed record ReportSeriesDto(string Key, string Label, string Chart, IReadOnlyList<string> Labels, IReadOnlyList<decimal> Values);

/// <summary>A table of the report.</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Title">Its heading.</param>
/// <param name="Columns">Column headings.</param>
/// <param name="Rows">The rows, formatted.</param>
public sealed record ReportTableDto(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
