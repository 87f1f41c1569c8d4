using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Settings;

namespace Derrimut.Kernel.Tests.Modularity;

public sealed class ModuleCatalogShould
{
    [Fact]
    public void KeepTheModulesInTheHostsOrder()
    {
        DerrimutModule[] modules = [new RosterModule(), new FrontDeskModule(), new TimesheetModule()];

        var catalog = new ModuleCatalog(modules);

        catalog.Modules.ShouldBe(modules);
    }

    [Fact]
    public void CollectEveryModulesPermissionsWithTheDeclaringModule()
    {
        var catalog = new ModuleCatalog([new RosterModule(), new TimesheetModule()]);

        catalog.Permissions.All.Select(p => (p.Name, p.Module)).ShouldBe(
            [("view:roster", "Roster"), ("manage:shifts", "Roster"), ("approve:timesheets", "Timesheet")],
            ignoreOrder: true);
        catalog.Permissions.IsDefined("approve:timesheets").ShouldBeTrue();
        catalog.Permissions.IsDefined("approve:anything").ShouldBeFalse();
    }

    [Fact]
    public void CollectEveryModulesSettingsWithTheDeclaringModule()
    {
        var catalog = new ModuleCatalog([new RosterModule(), new TimesheetModule()]);

        catalog.Settings.Find("Roster.WeekStartsOn").ShouldBe(new SettingDefinition("Roster.WeekStartsOn", "Roster", "monday", false));
        catalog.Settings.Find("Timesheet.ExportKey").ShouldBe(new SettingDefinition("Timesheet.ExportKey", "Timesheet", null, true));
    }

    [Fact]
    public void RejectAModuleListedTwice()
    {
        Should.Throw<InvalidOperationException>(() => new ModuleCatalog([new RosterModule(), new RosterModule()]))
            .Message.ShouldBe("Module 'Roster' is listed twice.");
    }

    [Fact]
    public void RejectADependencyListedAfterTheModuleThatNeedsIt()
    {
        Should.Throw<InvalidOperationException>(() => new ModuleCatalog([new TimesheetModule(), new RosterModule()]))
            .Message.ShouldBe("Module 'Timesheet' depends on 'RosterModule', which must be listed before it.");
    }

    [Fact]
    public void RejectADependencyMissingFromTheList()
    {
        Should.Throw<InvalidOperationException>(() => new ModuleCatalog([new TimesheetModule()]))
            .Message.ShouldBe("Module 'Timesheet' depends on 'RosterModule', which is not in the host's module list.");
    }

    [Fact]
    public void RejectAPermissionDeclaredByTwoModules()
    {
        var exception = Should.Throw<InvalidOperationException>(() => new ModuleCatalog([new RosterModule(), new LockerModule()]));

        exception.Message.ShouldBe("Permission 'manage:shifts' is declared twice (by 'Roster' and 'Locker').");
    }

    [Fact]
    public void AcceptAnEmptyList()
    {
        var catalog = new ModuleCatalog([]);

        catalog.Modules.ShouldBeEmpty();
        catalog.Permissions.All.ShouldBeEmpty();
    }

    private sealed class RosterModule : DerrimutModule
    {
        public override string Name => "Roster";

        public override void DefinePermissions(PermissionDefinitionContext context) => context
            .Add("view:roster", "See the roster.")
            .Add("manage:shifts", "Change shifts.");

        public override void DefineSettings(SettingDefinitionContext context) => context.Add("Roster.WeekStartsOn", "monday");
    }

    private sealed class TimesheetModule : DerrimutModule
    {
        public override string Name => "Timesheet";

        public override IReadOnlyList<Type> DependsOn => [typeof(RosterModule)];

        public override void DefinePermissions(PermissionDefinitionContext context) =>
            context.Add("approve:timesheets", "Approve timesheets.");

        public override void DefineSettings(SettingDefinitionContext context) => context.Add("Timesheet.ExportKey", null, isSecret: true);
    }

    private sealed class FrontDeskModule : DerrimutModule
    {
        public override string Name => "FrontDesk";
    }

    /// <summary>Declares a permission that <see cref="RosterModule"/> already declares.</summary>
    private sealed class LockerModule : DerrimutModule
    {
        public override string Name => "Locker";

        public override void DefinePermissions(PermissionDefinitionContext context) => context.Add("manage:shifts", "Also shifts.");
    }
}
