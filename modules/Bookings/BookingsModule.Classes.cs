using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Features.Access;
using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Routing;
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
        .AddScoped<DoorDecisions>();

    partial void MapClassEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        ClassEndpoints.Map(api);
        CheckInEndpoints.Map(api);
        AccessEndpoints.Map(api);
    }

    partial void DefineClassPermissions(PermissionDefinitionContext context) => context
        .Add(ClassesPermissions.BookOwnClasses, "Book and cancel one's own classes; show one's check-in code.", PermissionScope.Tenant,
            IdentityRoles.Member, IdentityRoles.Trainer, IdentityRoles.Staff)
        .Add(ClassesPermissions.ManageClasses, "Edit the class timetable, cancel classes, set class rules and doors.")
        .Add(ClassesPermissions.ViewClassRosters, "See class rosters and attendance.", PermissionScope.Tenant, IdentityRoles.Trainer, IdentityRoles.Staff)
        .Add(ClassesPermissions.CheckInMembers, "Check members in at the front desk.", PermissionScope.Tenant, IdentityRoles.Staff)
        .Add(ClassesPermissions.AccessDoors, "Ask for door decisions (door controllers' integration clients).");

    partial void DefineClassUi(UiDefinitionContext context)
    {
    }
#pragma warning restore CA1822
}
