namespace Derrimut.Reporting.Contracts;

/// <summary>The permissions that guard the dashboards and reports.</summary>
public static class ReportingPermissions
{
    /// <summary>See this gym's dashboard and reports (on a franchise's site: the franchise's roll-up of its gyms).</summary>
    public const string ViewOrganizationReports = "view:organization_reports";

    /// <summary>Platform: see every franchise's and location's figures side by side.</summary>
    public const string ViewAllReports = "view:all_reports";
}
