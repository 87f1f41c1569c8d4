using Derrimut.Bookings.BillingEvents;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Features;
using Derrimut.Bookings.Features.Admin;
using Derrimut.Bookings.Features.Availability;
using Derrimut.Bookings.Features.CalendarFeed;
using Derrimut.Bookings.Features.Book;
using Derrimut.Bookings.Features.Cancel;
using Derrimut.Bookings.Features.MyBookings;
using Derrimut.Bookings.Features.Trainers;
using Derrimut.Bookings.Features.TrainerSessions;
using Derrimut.Bookings.Seeding;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Bookings;

/// <summary>Trainer bookings (issue 13): profiles, availability, PT sessions, the trainer portal.</summary>
public sealed partial class BookingsModule
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Declared as an instance partial in BookingsModule.cs, shared with the classes half.")]
    partial void ConfigureSessionServices(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<BookingReads>();
        services.AddSingleton(sp => new UpcomingBookingsCache(
            sp.GetRequiredService<Microsoft.Extensions.Caching.Hybrid.HybridCache>(),
            sp.GetRequiredService<Derrimut.BuildingBlocks.Caching.ICacheInvalidationBus>(),
            builder.Configuration.GetValue("Bookings:UpcomingCacheExpiration", UpcomingBookingsCache.DefaultExpiration)));
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, UpcomingBookingsInvalidation>();
        services.AddScoped<BookingNotices>();
        services.AddScoped<ListTrainersHandler>();
        services.AddScoped<GetTrainerHandler>();
        services.AddScoped<GetSlotsHandler>();
        services.AddScoped<BookSessionHandler>();
        services.AddScoped<ListMyBookingsHandler>();
        services.AddScoped<ListMyUpcomingBookingsHandler>();
        services.AddScoped<CancelBookingHandler>();
        services.AddScoped<ListTrainerSessionsHandler>();
        services.AddScoped<MarkSessionHandler>();
        services.AddScoped<TrainerAvailabilityHandler>();
        services.AddScoped<Features.CalendarFeed.CalendarFeedHandler>();
        services.AddScoped<Features.Admin.ManageTrainersHandler>();
        services.AddScoped<Features.TrainerPortal.TrainerPortalHandler>();
        services.AddScoped<Features.TrainerPortal.TrainerPhotoHandler>();
        services.AddScoped<Features.Admin.TrainerProfilesHandler>();
        services.AddIntegrationEventHandler<CheckoutCompleted, BookingBillingHandlers>();
        services.AddIntegrationEventHandler<PaymentFailed, BookingBillingHandlers>();
        services.AddIntegrationEventHandler<RefundIssued, BookingBillingHandlers>();
        services.AddSingleton<IDataSeedContributor, BookingsSeeder>();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Declared as an instance partial in BookingsModule.cs, shared with the classes half.")]
    partial void MapSessionEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        // Location-only: the tenant filter keeps every query inside the location; another gym's trainer is a 404.
        var trainers = api.MapGroup("/trainers").RequireLocation().WithTags("Bookings: trainers");
        trainers.MapTrainers();
        var trainerProfileWrites = trainers.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);

        var bookings = api.MapGroup("/bookings").RequireLocation().WithTags("Bookings: PT sessions");
        var bookingWrites = bookings.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);
        bookingWrites.MapBookSession();
        bookingWrites.MapCancelBooking();
        bookings.MapMyBookings();
        bookings.MapManageTrainers(bookingWrites, trainerProfileWrites);

        var trainer = api.MapGroup("/trainer").RequireLocation().WithTags("Bookings: the trainer's day");
        var trainerWrites = trainer.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);
        trainer.MapTrainerSessions(trainerWrites);
        trainer.MapTrainerAvailability(trainerWrites);
        app.MapCalendarFeed(trainer, trainerWrites);
        Features.TrainerPortal.TrainerPortalEndpoints.MapTrainerPortal(trainer, trainerWrites, trainerProfileWrites);
        Features.Admin.TrainerProfilesEndpoints.MapTrainerProfiles(trainers);
        if (Microsoft.Extensions.Configuration.ConfigurationBinder.GetValue<bool>(app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(), "Benchmarks:BareEndpoints"))
        {
            Features.Bench.BookingsBenchBaselines.Map(app);
            Features.Bench.BookingsBenchBaselines.MapSignedInEmpty(bookings);
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Declared as an instance partial in BookingsModule.cs, shared with the classes half.")]
    partial void DefineSessionUi(UiDefinitionContext context) => context
        .AddNavigation(new(Portal.Member, "Trainers", "/trainers", MudBlazor.Icons.Material.Outlined.SportsGymnastics, BookingsPermissions.ManageOwnBookings, Order: 30))
        .AddNavigation(new(Portal.Member, "My bookings", "/member/bookings", MudBlazor.Icons.Material.Outlined.EventAvailable, BookingsPermissions.ManageOwnBookings, Order: 31))
        .AddNavigation(new(Portal.Trainer, "Today", "/trainer", MudBlazor.Icons.Material.Outlined.Today, Derrimut.Identity.Contracts.IdentityPermissions.ViewOwnSchedule, Order: 5))
        .AddNavigation(new(Portal.Trainer, "Clients", "/trainer/clients", MudBlazor.Icons.Material.Outlined.Groups, Derrimut.Identity.Contracts.IdentityPermissions.ViewOwnSchedule, Order: 13))
        .AddNavigation(new(Portal.Admin, "Trainers", "/admin/trainers", MudBlazor.Icons.Material.Outlined.SportsGymnastics, Derrimut.Identity.Contracts.IdentityPermissions.ManageTrainers, Order: 40))
        .AddNavigation(new(Portal.Trainer, "Schedule", "/trainer/schedule", MudBlazor.Icons.Material.Outlined.CalendarMonth, Derrimut.Identity.Contracts.IdentityPermissions.ViewOwnSchedule, Order: 10))
        .AddNavigation(new(Portal.Trainer, "Sessions", "/trainer/sessions", MudBlazor.Icons.Material.Outlined.EventNote, Derrimut.Identity.Contracts.IdentityPermissions.ViewOwnSchedule, Order: 11))
        .AddNavigation(new(Portal.Trainer, "Availability", "/trainer/availability", MudBlazor.Icons.Material.Outlined.Schedule, BookingsPermissions.ManageOwnAvailability, Order: 12))
        .AddNavigation(new(Portal.Staff, "Book a trainer", "/admin/bookings", MudBlazor.Icons.Material.Outlined.EventAvailable, BookingsPermissions.ManageBookings, Order: 40));

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Declared as an instance partial in BookingsModule.cs, shared with the classes half.")]
    partial void ConfigureSessionJobs(BuildingBlocks.Jobs.JobDefinitionContext context) => context
        .AddRecurring<Jobs.SessionRemindersJob>(Jobs.SessionRemindersJob.Name, Jobs.SessionRemindersJob.DefaultSchedule,
            "Emails members a reminder of their PT session about 24 hours before it, once per session.")
        .AddRecurring<Jobs.LatePaymentRefundsJob>(Jobs.LatePaymentRefundsJob.Name, Jobs.LatePaymentRefundsJob.DefaultSchedule,
            "Refunds PT sessions paid after their hold was released (and refunds the gateway refused), once per session.")
        .AddRecurring<Jobs.LapsedHoldsJob>(Jobs.LapsedHoldsJob.Name, Jobs.LapsedHoldsJob.DefaultSchedule,
            "Releases PT holds that can no longer be paid: a checkout that lapsed without its expiry event, or one that never opened.");
}
