using Derrimut.Billing;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Identity;
using Derrimut.Memberships;
using Derrimut.Organizations;
using Derrimut.Payroll;

namespace Derrimut.Hosting;

/// <summary>
/// The platform's modules, lower modules first. Explicit on purpose: no assembly scanning, so what runs is what
/// is written here, and the kernel checks each module's dependencies against this order at start-up.
/// </summary>
public static class DerrimutModules
{
    /// <summary>Creates the module list (fresh instances for each host).</summary>
    public static IReadOnlyList<DerrimutModule> Create() =>
    [
        new OrganizationsModule(),
        new IdentityModule(),
        new BillingModule(),
        new MembershipsModule(),
        new Derrimut.Bookings.BookingsModule(),
        new PayrollModule(),
        new Derrimut.AiPlans.AiPlansModule(),
        new Derrimut.Marketplace.MarketplaceModule(),
        new Derrimut.Reporting.ReportingModule(),
    ];
}
