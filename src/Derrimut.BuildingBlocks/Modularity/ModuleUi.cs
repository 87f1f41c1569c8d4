using System.Reflection;

namespace Derrimut.BuildingBlocks.Modularity;

/// <summary>The kinds of site a page can belong to: a location's, a franchise's, or the platform host's.</summary>
[Flags]
public enum SiteKinds
{
    /// <summary>No site.</summary>
    None = 0,

    /// <summary>A gym location's site (<c>st-albans.{root}</c>).</summary>
    Location = 1,

    /// <summary>A franchise's site (<c>derrimut-group.{root}</c>).</summary>
    Franchise = 2,

    /// <summary>The platform host (<c>admin.{root}</c> and the bare root).</summary>
    Platform = 4,

    /// <summary>Gym sites: locations and franchises.</summary>
    Gym = Location | Franchise,
}

/// <summary>The part of the menu an entry sits in; the menu shows the portals in this order.</summary>
public enum Portal
{
    /// <summary>What a member uses: their home, membership, plans, bookings.</summary>
    Member,

    /// <summary>What a trainer uses: schedule, clients, plans.</summary>
    Trainer,

    /// <summary>What staff use: timesheets, payslips.</summary>
    Staff,

    /// <summary>What the gym's admins use.</summary>
    Admin,

    /// <summary>The platform's superadmin tools.</summary>
    Platform,
}

/// <summary>
/// One menu entry a module declares for one of its pages. The host's menu shows it on the sites of
/// <see cref="Sites"/> to people who hold <see cref="Permission"/> there (or superadmins, when
/// <see cref="SuperAdminOnly"/>), so a link shows exactly when its page would let the person in.
/// </summary>
/// <param name="Portal">The menu section.</param>
/// <param name="Label">What the link says, in the gym's words.</param>
/// <param name="Route">The page's route, e.g. <c>/admin/payroll</c>.</param>
/// <param name="Icon">A MudBlazor icon (its SVG path string, e.g. <c>Icons.Material.Outlined.Payments</c>).</param>
/// <param name="Permission">The permission the page's policy requires; null for any signed-in person.</param>
/// <param name="Sites">Where the page means something.</param>
/// <param name="Order">Position within the portal, lower first.</param>
/// <param name="MatchExactly">Highlight only on this exact route (for a portal's home page).</param>
/// <param name="SuperAdminOnly">Only superadmins see it.</param>
/// <param name="IsSubEntry">Indented under the entry before it.</param>
public sealed record NavigationEntry(
    Portal Portal,
    string Label,
    string Route,
    string Icon,
    string? Permission = null,
    SiteKinds Sites = SiteKinds.Location,
    int Order = 100,
    bool MatchExactly = false,
    bool SuperAdminOnly = false,
    bool IsSubEntry = false);

/// <summary>
/// A component a module puts on a page another part of the app owns (the location home shows the plans on sale; the
/// admin home shows the simulated "run billing day" tool), without the page knowing the module.
/// </summary>
/// <param name="Slot">Where it goes, one of <see cref="PageSlots"/>.</param>
/// <param name="Component">The Razor component type (no required parameters).</param>
/// <param name="Order">Position within the slot, lower first.</param>
public sealed record PageSection(string Slot, Type Component, int Order = 100);

/// <summary>The places on shell pages that modules can fill.</summary>
public static class PageSlots
{
    /// <summary>A location's public home page, below the gym's profile.</summary>
    public const string LocationHome = "location-home";

    /// <summary>The gym admin's home page (<c>/admin</c>).</summary>
    public const string AdminHome = "admin-home";

    /// <summary>The header, beside the signed-in person's name (the gym switcher).</summary>
    public const string Header = "header";
}

/// <summary>What a module's <see cref="DerrimutModule.DefineUi"/> declares.</summary>
public sealed class UiDefinitionContext
{
    private readonly List<NavigationEntry> _navigation = [];
    private readonly List<PageSection> _sections = [];
    private readonly List<Assembly> _assemblies = [];

    /// <summary>The menu entries, in declaration order.</summary>
    public IReadOnlyList<NavigationEntry> Navigation => _navigation;

    /// <summary>The page sections, in declaration order.</summary>
    public IReadOnlyList<PageSection> Sections => _sections;

    /// <summary>The assemblies whose routable pages the router serves.</summary>
    public IReadOnlyList<Assembly> PageAssemblies => _assemblies;

    /// <summary>Adds a menu entry.</summary>
    public UiDefinitionContext AddNavigation(NavigationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!entry.Route.StartsWith('/'))
        {
            throw new ArgumentException($"Menu entry '{entry.Label}' has the route '{entry.Route}'; routes start with '/'.", nameof(entry));
        }

        _navigation.Add(entry);
        return this;
    }

    /// <summary>Puts a component on a shell page.</summary>
    public UiDefinitionContext AddSection(PageSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        _sections.Add(section);
        return this;
    }

    /// <summary>Serves the routable pages (<c>@page</c>) of <paramref name="assembly"/>.</summary>
    public UiDefinitionContext AddPages(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (!_assemblies.Contains(assembly))
        {
            _assemblies.Add(assembly);
        }

        return this;
    }
}
