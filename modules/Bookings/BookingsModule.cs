using Derrimut.Billing;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Data;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Caching;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Ui;
using Derrimut.Identity;
using Derrimut.Identity.Contracts;
using Derrimut.Memberships;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Bookings;

/// <summary>
/// Trainers and their time: trainer profiles, the shared trainer calendar that refuses double booking in the
/// database (decision 0027), availability, paid and membership-included PT sessions, the trainer portal; classes,
/// waitlists, check-in and doors live beside them (their registrations in their own partial blocks).
/// </summary>
public sealed partial class BookingsModule : DerrimutModule
{
    /// <inheritdoc />
    public override string Name => "Bookings";

    /// <inheritdoc />
    public override IReadOnlyList<Type> DependsOn => [typeof(IdentityModule), typeof(BillingModule), typeof(MembershipsModule)];

    /// <inheritdoc />
    public override void ConfigureServices(IHostApplicationBuilder builder)
    {
        builder.Services.AddEndpointJson(BookingsEndpointJson.Default);
        builder.Services.AddCacheJson(BookingsCacheJson.Default);
        builder.Services
            .AddPageStateJson(BookingsPageStateJson.Default.ListMyClassBookingDto)
            .AddPageStateJson(BookingsPageStateJson.Default.ListClassStrikeDto)
            .AddPageStateJson(BookingsPageStateJson.Default.CheckInCodeDto)
            .AddPageStateJson(BookingsPageStateJson.Default.ListClassOccurrenceDto);
        builder.Services.AddScoped<TrainerCalendar>();
        builder.Services.AddScoped<Contracts.IBookingsReadModel, Features.ReportingReads.BookingsReadModel>();
        builder.Services.AddScoped<Contracts.ITrainerAvailabilityReadModel, Features.ReportingReads.TrainerAvailabilityReadModel>();
        ConfigureSessionServices(builder);
        ConfigureClassServices(builder);
    }

    /// <inheritdoc />
    public override void ConfigureModel(ModelBuilder modelBuilder) => BookingsModel.Configure(modelBuilder);

    /// <inheritdoc />
    public override void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        MapSessionEndpoints(app, api);
        MapClassEndpoints(app, api);
    }

    /// <inheritdoc />
    public override void DefinePermissions(PermissionDefinitionContext context)
    {
        context
            .Add(BookingsPermissions.ManageOwnBookings, "Book, pay for and cancel one's own sessions with a trainer.", PermissionScope.Tenant, IdentityRoles.Member)
            .Add(BookingsPermissions.ManageOwnAvailability, "Set one's own hours as a trainer.", PermissionScope.Tenant, IdentityRoles.Trainer)
            .Add(BookingsPermissions.ViewOwnEarnings, "See what one's delivered sessions earn.", PermissionScope.Tenant, IdentityRoles.Trainer)
            .Add(BookingsPermissions.ManageBookings, "Book and cancel trainer sessions on members' behalf.", PermissionScope.Tenant, IdentityRoles.Staff);
        DefineClassPermissions(context);
    }

    /// <inheritdoc />
    public override void ConfigureJobs(BuildingBlocks.Jobs.JobDefinitionContext context)
    {
        ConfigureSessionJobs(context);
        ConfigureClassJobs(context);
    }

    /// <inheritdoc />
    public override void DefineUi(UiDefinitionContext context)
    {
        context.AddPages(typeof(BookingsModule).Assembly);
        DefineSessionUi(context);
        DefineClassUi(context);
    }

    // Issue 13 (PT sessions) and issue 14 (classes) each fill their own half in their own partial file.
    partial void ConfigureSessionServices(IHostApplicationBuilder builder);

    partial void MapSessionEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api);

    partial void DefineSessionUi(UiDefinitionContext context);

    partial void ConfigureSessionJobs(BuildingBlocks.Jobs.JobDefinitionContext context);

    partial void ConfigureClassJobs(BuildingBlocks.Jobs.JobDefinitionContext context);

    partial void ConfigureClassServices(IHostApplicationBuilder builder);

    partial void MapClassEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api);

    partial void DefineClassPermissions(PermissionDefinitionContext context);

    partial void DefineClassUi(UiDefinitionContext context);
}
