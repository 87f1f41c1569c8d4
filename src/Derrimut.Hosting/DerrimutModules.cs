using System.Reflection;
using Derrimut.Billing;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Identity;
using Derrimut.Memberships;
using Derrimut.Organizations;
using Derrimut.Payroll;
using Microsoft.EntityFrameworkCore.Metadata;

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

    /// <summary>
    /// The models EF Core precompiled from this list (<c>etc/compiled-models.sh</c>), one per provider: a node loads
    /// one instead of building the model at start (decision 0088). They live in <c>Derrimut.CompiledModels</c>, which
    /// the web host and the migrator reference; they are found by name because that assembly builds on this one, and
    /// because the script deletes them and builds the migrator without them before it generates them again.
    /// </summary>
    public static IReadOnlyList<PrecompiledModel> PrecompiledModels { get; } = FindPrecompiledModels();

    private static List<PrecompiledModel> FindPrecompiledModels()
    {
        var modules = Create().Select(m => m.Name).ToList();
        var found = new List<PrecompiledModel>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            if (Generated($"{provider}.DerrimutDbContextModel") is { } model)
            {
                found.Add(new PrecompiledModel(typeof(DerrimutDbContext), provider, modules, model));
            }

            if (Generated($"{provider}.KeyRing.DataProtectionKeysContextModel") is { } keyRing)
            {
                found.Add(new PrecompiledModel(typeof(DataProtectionKeysContext), provider, [], keyRing));
            }
        }

        return found;

        // The generated model's static Instance, which builds it on first use.
        static Func<IModel>? Generated(string name) =>
            Type.GetType($"Derrimut.CompiledModels.{name}, Derrimut.CompiledModels", throwOnError: false)
                ?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static) is { } instance
                ? () => (IModel)instance.GetValue(null)!
                : null;
    }
}
