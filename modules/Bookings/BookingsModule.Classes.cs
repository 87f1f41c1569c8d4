using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Features.Access;
using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Bookings;

/// <summary>Issue 14's half of the module: classes, waitlists, strikes, check-in and doors.</summary>
public sealed partial class BookingsModule
{
#pragma warning disable CA1822 // The hooks are instance partial methods declared in BookingsModule.cs; they need no state.
    partial void ConfigureClassServices(IHostApplicationBuilder builder) => builder.Services
        .AddScoped<ClassReads>()
        .AddScoped<ClassNotices>()
        .AddScoped<ClassTypesHandler>()
        .AddScoped<ClassTimetableWriter>()
        .AddScoped<ClassBookingHandler>()
        .AddScoped<ClassRosters>()
        .AddScoped<ClassCancellation>()
        .AddScoped<TimetableHandler>()
        .AddScoped<MyClassesHandler>()
        .AddSingleton<CheckInCodes>()
        .AddScoped<CheckInDesk>()
        .AddScoped<DoorDecisions>()
        .AddScoped<ClassPolicies>()
        .AddScoped<ClassAttendance>()
        .AddScoped<MemberCards>()
        .AddScoped<VisitsElsewhere>()
        .AddSingleton<IDataSeedContributor, Seeding.ClassesSeeder>();

    partial void MapClassEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        ClassEndpoints.Map(api);
        CheckInEndpoints.Map(api);
        AccessEndpoints.Map(api);
        ClassAttendance.Map(api);
        MemberCardEndpoints.Map(api);
        VisitsElsewhere.Map(api);
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Benchmarks:BareEndpoints"))
        {
            AccessEndpoints.MapBareBaseline(app);
        }
    }

    partial void DefineClassPermissions(PermissionDefinitionContext context) => context
        .Add(ClassesPermissions.BookOwnClasses, "Book and cancel one's own classes; show one's check-in code.", PermissionScope.Tenant,
            IdentityRoles.Member, IdentityRoles.Trainer, IdentityRoles.Staff)
        .Add(ClassesPermissions.ManageClasses, "Edit the class timetable, cancel classes, set class rules and doors.")
        .Add(ClassesPermissions.ViewClassRosters, "See class rosters and attendance.", PermissionScope.Tenant, IdentityRoles.Trainer, IdentityRoles.Staff)
        .Add(ClassesPermissions.CheckInMembers, "Check members in at the front desk.", PermissionScope.Tenant, IdentityRoles.Staff)
        .Add(ClassesPermissions.AccessDoors, "Ask for door decisions (door controllers' integration clients).");

    partial void DefineClassUi(UiDefinitionContext context) => context
        .AddSection(new(PageSlots.LocationHome, typeof(Components.Classes.TimetableLink)))
        .AddNavigation(new(Portal.Member, "Classes", "/classes", MudBlazor.Icons.Material.Outlined.Groups, ClassesPermissions.BookOwnClasses, Order: 20))
        .AddNavigation(new(Portal.Member, "My classes", "/member/classes", MudBlazor.Icons.Material.Outlined.EventAvailable, ClassesPermissions.BookOwnClasses, Order: 21))
        .AddNavigation(new(Portal.Member, "Check-in code", "/member/check-in", MudBlazor.Icons.Material.Outlined.QrCode2, ClassesPermissions.BookOwnClasses, Order: 22))
        .AddNavigation(new(Portal.Trainer, "Class rosters", "/trainer/classes", MudBlazor.Icons.Material.Outlined.FactCheck, ClassesPermissions.ViewClassRosters, Order: 30))
        .AddNavigation(new(Portal.Staff, "Front desk check-in", "/desk/check-in", MudBlazor.Icons.Material.Outlined.HowToReg, ClassesPermissions.CheckInMembers, Order: 5))
        .AddNavigation(new(Portal.Staff, "Class attendance", "/desk/attendance", MudBlazor.Icons.Material.Outlined.Rule, ClassesPermissions.ViewClassRosters, Order: 6))
        .AddNavigation(new(Portal.Staff, "Member cards", "/desk/cards", MudBlazor.Icons.Material.Outlined.Badge, ClassesPermissions.CheckInMembers, Order: 7))
        .AddNavigation(new(Portal.Staff, "Visits elsewhere", "/desk/visits-elsewhere", MudBlazor.Icons.Material.Outlined.TravelExplore, ClassesPermissions.CheckInMembers, Order: 8))
        .AddNavigation(new(Portal.Admin, "Class timetable", "/admin/classes", MudBlazor.Icons.Material.Outlined.CalendarMonth, ClassesPermissions.ManageClasses, Order: 30));

    partial void ConfigureClassJobs(BuildingBlocks.Jobs.JobDefinitionContext context) => context
        .AddRecurring<Jobs.ClassScheduleExtensionJob>(Jobs.ClassScheduleExtensionJob.Name, Jobs.ClassScheduleExtensionJob.DefaultSchedule,
            "Extends every running weekly class schedule so its classes exist four weeks ahead.")
        .AddRecurring<Jobs.ClassNoShowsJob>(Jobs.ClassNoShowsJob.Name, Jobs.ClassNoShowsJob.DefaultSchedule,
            "Marks booked members not checked in by a class's start plus the grace period as no-shows (and strikes where the gym counts them).");
#pragma warning restore CA1822
}
