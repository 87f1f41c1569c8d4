using Derrimut.BuildingBlocks.Modularity;

namespace Derrimut.Kernel.Tests.Modularity;

public sealed class ModuleUiShould
{
    [Fact]
    public void CollectEveryModulesPagesMenuEntriesAndSectionsInListOrder()
    {
        var catalog = new ModuleCatalog([new ClassesModule(), new ShopModule()]);

        catalog.Ui.Navigation.Select(e => e.Route).ShouldBe(["/classes", "/admin/timetable", "/shop"]);
        catalog.Ui.Sections.ShouldHaveSingleItem().Slot.ShouldBe(PageSlots.LocationHome);
        catalog.Ui.PageAssemblies.ShouldBe([typeof(ModuleUiShould).Assembly]);
    }

    [Fact]
    public void RefuseAMenuEntryWhoseRouteIsNotAPath() =>
        Should.Throw<ArgumentException>(() => new UiDefinitionContext()
            .AddNavigation(new(Portal.Member, "Shop", "shop", "icon")));

    [Fact]
    public void ShowEntriesOnLocationSitesUnlessTold()
    {
        var entry = new NavigationEntry(Portal.Admin, "Payroll", "/admin/payroll", "icon", "manage:payroll");

        entry.Sites.ShouldBe(SiteKinds.Location);
        (SiteKinds.Gym & SiteKinds.Franchise).ShouldBe(SiteKinds.Franchise);
    }

    private sealed class ClassesModule : DerrimutModule
    {
        public override string Name => "Classes";

        public override void DefineUi(UiDefinitionContext context) => context
            .AddPages(typeof(ModuleUiShould).Assembly)
            .AddNavigation(new(Portal.Member, "Classes", "/classes", "icon", "book:classes"))
            .AddNavigation(new(Portal.Admin, "Timetable", "/admin/timetable", "icon", "manage:classes"))
            .AddSection(new(PageSlots.LocationHome, typeof(object)));
    }

    private sealed class ShopModule : DerrimutModule
    {
        public override string Name => "Shop";

        public override void DefineUi(UiDefinitionContext context) => context
            .AddPages(typeof(ModuleUiShould).Assembly)
            .AddNavigation(new(Portal.Member, "Shop", "/shop", "icon"));
    }
}
