using System.Security.Claims;
using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features;

/// <summary>Body of <c>POST /api/memberships/checkout</c>.</summary>
internal sealed record StartCheckoutRequest(string? PlanCode) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.Required(PlanCode, "planCode", 50);
}

/// <summary>Body of <c>POST /api/memberships/mine/freeze</c>.</summary>
internal sealed record FreezeRequest(int? Weeks) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(Weeks is null, "weeks", "Say how many weeks to freeze for (1 to 12).");
        errors.AddIf(Weeks is < MembershipService.MinFreezeWeeks or > MembershipService.MaxFreezeWeeks, "weeks", "A freeze lasts 1 to 12 weeks.");
    }
}

/// <summary>Body of <c>POST /api/memberships/{id}/cancel</c>.</summary>
internal sealed record StaffCancelRequest(bool? Immediately);

/// <summary>Body of <c>POST /api/memberships/{id}/ledger/{lineId}/refund</c>; no amount refunds what is left.</summary>
internal sealed record RefundChargeRequest(long? AmountCents) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors.AddIf(AmountCents is < 1, "amountCents", "Refund at least 1 cent, or leave it out to refund in full.");
}

/// <summary>
/// <c>/api/memberships</c>: the location's plans (public), the member's own membership (join, see, cancel, freeze,
/// ledger) and the staff register. Every route is location-scoped; the tenant filter keeps other gyms' rows out.
/// </summary>
internal static class MembershipsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/memberships").RequireLocation().WithTags("Memberships");

        group.MapGet("/plans", (IMembershipPlans plans, CancellationToken ct) => plans.ListAsync(ct))
            .AllowAnonymous().WithName("ListMembershipPlans");

        var mine = group.MapGroup("").RequireAuthorization(MembershipsPermissions.ManageOwnMembership);
        mine.MapGet("/mine", GetMineAsync).WithName("GetMyMembership");
        mine.MapGet("/mine/ledger", (ClaimsPrincipal me, IMyMembership memberships, CancellationToken ct) => memberships.LedgerAsync(Me(me), ct))
            .WithName("GetMyMembershipLedger");
        var mineWrites = mine.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);
        mineWrites.MapPost("/checkout", StartCheckoutAsync).WithName("StartMembershipCheckout");
        mineWrites.MapPost("/mine/cancel", (ClaimsPrincipal me, IMyMembership memberships, CancellationToken ct) => GatewayCall(() => memberships.CancelAsync(Me(me), ct)))
            .WithName("CancelMyMembership");
        mineWrites.MapPost("/mine/freeze", (FreezeRequest request, ClaimsPrincipal me, IMyMembership memberships, CancellationToken ct) =>
                GatewayCall(() => memberships.FreezeAsync(Me(me), request.Weeks!.Value, ct)))
            .WithName("FreezeMyMembership");

        var staff = group.MapGroup("").RequireAuthorization(MembershipsPermissions.ViewMemberships);
        staff.MapGet("/", ListAsync).WithName("ListMemberships");
        staff.MapGet("/{membershipId:guid}", GetOneAsync).WithName("GetMembership");

        var manage = group.MapGroup("/{membershipId:guid}").RequireAuthorization(MembershipsPermissions.ManageMemberships).RequireRateLimiting(RateLimitPolicies.Writes);
        manage.MapPost("/cancel", (Guid membershipId, StaffCancelRequest request, ClaimsPrincipal me, IMembershipRegister register, CancellationToken ct) =>
                GatewayCall(() => register.CancelForMemberAsync(membershipId, Me(me), request.Immediately ?? false, ct)))
            .WithName("CancelMembershipForMember");
        manage.MapPost("/ledger/{ledgerLineId:guid}/refund", (Guid membershipId, Guid ledgerLineId, RefundChargeRequest request, ClaimsPrincipal me, IMembershipRegister register, CancellationToken ct) =>
                GatewayCall(() => register.RefundAsync(membershipId, ledgerLineId, request.AmountCents, Me(me), ct)))
            .WithName("RefundMembershipCharge");
    }

    internal static async Task<Results<Ok<MembershipDto>, NoContent>> GetMineAsync(ClaimsPrincipal me, IMyMembership memberships, CancellationToken ct) =>
        await memberships.FindAsync(Me(me), ct) is { } membership ? TypedResults.Ok(membership) : TypedResults.NoContent();

    internal static Task<IResult> StartCheckoutAsync(StartCheckoutRequest request, ClaimsPrincipal me, IMyMembership memberships, HttpContext http, CancellationToken ct)
    {
        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        return GatewayCall(async () => await memberships.StartCheckoutAsync(Me(me), request.PlanCode!.Trim(), site, ct));
    }

    internal static async Task<Ok<MembershipListPage>> ListAsync(
        IMembershipRegister register, string? status, string? plan, string? search, DateTimeOffset? joinedFrom, DateTimeOffset? joinedTo,
        int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await register.ListAsync(new MembershipListFilter(status, plan, search, joinedFrom, joinedTo, page ?? 1, pageSize ?? 25), ct));

    internal static async Task<Ok<MembershipDto>> GetOneAsync(Guid membershipId, IMembershipRegister register, CancellationToken ct) =>
        TypedResults.Ok(await register.FindAsync(membershipId, ct) ?? throw new NotFoundException("No such membership at this gym."));

    /// <summary>The signed-in person; integration clients (no person) cannot hold a membership.</summary>
    private static Guid Me(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub"), out var id)
            ? id
            : throw new ForbiddenException("Only a person can hold a membership.");

    /// <summary>Answers a gateway failure as a problem the member can act on, never as a 500.</summary>
    private static async Task<IResult> GatewayCall<T>(Func<Task<T>> call)
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
}
