using Derrimut.BuildingBlocks.Http;
using Derrimut.Memberships.Features.CancelForMember;
using Derrimut.Memberships.Features.CancelMyMembership;
using Derrimut.Memberships.Features.FreezeMyMembership;
using Derrimut.Memberships.Features.GetMembership;
using Derrimut.Memberships.Features.GetMyMembership;
using Derrimut.Memberships.Features.ListMemberships;
using Derrimut.Memberships.Features.ListPlans;
using Derrimut.Memberships.Features.ManagePlans;
using Derrimut.Memberships.Features.RefundCharge;
using Derrimut.Memberships.Features.StartCheckout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features;

/// <summary>
/// <c>/api/memberships</c>: the location's plans (public), the member's own membership (join, see, cancel, freeze,
/// ledger) and the staff register. Every route is location-scoped; the tenant filter keeps other gyms' rows out.
/// Policies and rate limits sit on the nested groups, so each use case maps only its route.
/// </summary>
internal static class MembershipsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/memberships").RequireLocation().WithTags("Memberships");
        group.MapListPlans();
        group.MapGroup("/plans").RequireAuthorization(MembershipsPermissions.ManagePlans).WithTags("Memberships: plans").MapManagePlans();

        var mine = group.MapGroup("").RequireAuthorization(MembershipsPermissions.ManageOwnMembership);
        mine.MapGetMyMembership();
        mine.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes)
            .MapStartCheckout()
            .MapCancelMyMembership()
            .MapFreezeMyMembership();

        group.MapGroup("").RequireAuthorization(MembershipsPermissions.ViewMemberships)
            .MapListMemberships()
            .MapGetMembership();

        group.MapGroup("/{membershipId:guid}").RequireAuthorization(MembershipsPermissions.ManageMemberships).RequireRateLimiting(RateLimitPolicies.Writes)
            .MapCancelForMember()
            .MapRefundCharge();
    }

    /// <summary>Registers the use cases' handlers (one scoped handler per use case, shared by the API and the pages).</summary>
    public static IServiceCollection AddMembershipUseCases(this IServiceCollection services) => services
        .AddScoped<MembershipReads>()
        .AddScoped<MembershipChanges>()
        .AddScoped<ListPlansHandler>()
        .AddScoped<StartCheckoutHandler>()
        .AddScoped<GetMyMembershipHandler>()
        .AddScoped<CancelMyMembershipHandler>()
        .AddScoped<FreezeMyMembershipHandler>()
        .AddScoped<ListMembershipsHandler>()
        .AddScoped<GetMembershipHandler>()
        .AddScoped<CancelForMemberHandler>()
        .AddScoped<RefundChargeHandler>()
        .AddScoped<PlanPrices>()
        .AddScoped<ListPlansForAdminHandler>()
        .AddScoped<CreatePlanHandler>()
        .AddScoped<UpdatePlanHandler>()
        .AddScoped<RetirePlanHandler>()
        .AddScoped<IMembershipEntitlements, Entitlements.MembershipEntitlements>()
        .AddScoped<IMemberDirectory, Entitlements.MemberDirectory>();
}

/// <summary>Checks a request the way the API's validation filter does, for callers that are not endpoints (pages, seeds).</summary>
internal static class RequestChecks
{
    public static void ThrowIfInvalid(this IValidatable request)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
    }
}

/// <summary>A payment gateway's refusal as the API and the pages answer it: never a 500, and nothing changed.</summary>
internal static class GatewayProblems
{
    /// <summary>Runs a use case that calls the gateway; a gateway failure becomes a problem the member can act on.</summary>
    public static async Task<IResult> OkOrProblemAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return TypedResults.Ok(await call());
        }
        catch (PaymentGatewayException ex)
        {
            var (status, title) = ex.Failure switch
            {
                PaymentGatewayFailure.Declined => (StatusCodes.Status402PaymentRequired, "The payment was declined."),
                PaymentGatewayFailure.Unavailable => (StatusCodes.Status503ServiceUnavailable, "Payments are unavailable right now."),
                _ => (StatusCodes.Status502BadGateway, "The payment provider refused the request."),
            };
            return TypedResults.Problem(
                title: title, statusCode: status, type: ProblemTypes.ServerError,
                detail: "Nothing was changed. Please try again shortly, or ask at the front desk.");
        }
    }

    /// <summary>
    /// Runs a page's gateway call; a gateway failure becomes a refusal the page shows (a <see cref="ConflictException"/>
    /// with <paramref name="message"/>), since a page action ends in a message, not a crashed circuit.
    /// </summary>
    public static async Task RefusedAsync(Func<Task> call, string message)
    {
        try
        {
            await call();
        }
        catch (PaymentGatewayException ex)
        {
            throw new ConflictException(message.Replace("{reason}", ex.Message, StringComparison.Ordinal));
        }
    }
}
