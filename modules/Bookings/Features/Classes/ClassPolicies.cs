using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Classes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Classes;

/// <summary>Body of <c>PUT /api/classes/policy</c>, and its answer: the location's class rules.</summary>
/// <param name="BookingOpensDaysAhead">Booking opens this many days before a class (1–60).</param>
/// <param name="PromotionCutoffMinutes">No waitlist promotion later than this before the start (0–1440).</param>
/// <param name="LateCancelWindowMinutes">Cancelling within this many minutes of the start is late (0–1440).</param>
/// <param name="NoShowGraceMinutes">Not checked in by the start plus this is a no-show (0–120).</param>
/// <param name="StrikesEnabled">Late cancels and no-shows count as strikes.</param>
/// <param name="StrikeLimit">Strikes (1–20)…</param>
/// <param name="StrikeWindowDays">…within this many days (1–365)…</param>
/// <param name="SuspensionDays">…suspend class booking for this many days (1–90).</param>
internal sealed record ClassPolicyDto(
    int BookingOpensDaysAhead, int PromotionCutoffMinutes, int LateCancelWindowMinutes, int NoShowGraceMinutes,
    bool StrikesEnabled, int StrikeLimit, int StrikeWindowDays, int SuspensionDays) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .AddIf(BookingOpensDaysAhead is < 1 or > 60, "bookingOpensDaysAhead", "Between 1 and 60 days.")
        .AddIf(PromotionCutoffMinutes is < 0 or > 1440, "promotionCutoffMinutes", "Between 0 and 1,440 minutes.")
        .AddIf(LateCancelWindowMinutes is < 0 or > 1440, "lateCancelWindowMinutes", "Between 0 and 1,440 minutes.")
        .AddIf(NoShowGraceMinutes is < 0 or > 120, "noShowGraceMinutes", "Between 0 and 120 minutes.")
        .AddIf(StrikeLimit is < 1 or > 20, "strikeLimit", "Between 1 and 20 strikes.")
        .AddIf(StrikeWindowDays is < 1 or > 365, "strikeWindowDays", "Between 1 and 365 days.")
        .AddIf(SuspensionDays is < 1 or > 90, "suspensionDays", "Between 1 and 90 days.");

    public static ClassPolicyDto From(ClassPolicy p) => new(
        p.BookingOpensDaysAhead, p.PromotionCutoffMinutes, p.LateCancelWindowMinutes, p.NoShowGraceMinutes, p.StrikesEnabled, p.StrikeLimit, p.StrikeWindowDays, p.SuspensionDays);
}

/// <summary>The location's class rules: read by anyone who books (the rules are public), changed by admins.</summary>
internal sealed class ClassPolicies(DerrimutDbContext db, ClassReads reads)
{
    public async Task<ClassPolicyDto> GetAsync(CancellationToken cancellationToken) => ClassPolicyDto.From(await reads.PolicyAsync(cancellationToken));

    public async Task<ClassPolicyDto> SaveAsync(ClassPolicyDto request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var policy = await db.Set<ClassPolicy>().FirstOrDefaultAsync(cancellationToken);
        if (policy is null)
        {
            policy = new ClassPolicy();
            db.Add(policy);
        }

        (policy.BookingOpensDaysAhead, policy.PromotionCutoffMinutes, policy.LateCancelWindowMinutes, policy.NoShowGraceMinutes) =
            (request.BookingOpensDaysAhead, request.PromotionCutoffMinutes, request.LateCancelWindowMinutes, request.NoShowGraceMinutes);
        (policy.StrikesEnabled, policy.StrikeLimit, policy.StrikeWindowDays, policy.SuspensionDays) =
            (request.StrikesEnabled, request.StrikeLimit, request.StrikeWindowDays, request.SuspensionDays);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // Two admins saving the first policy at once: the unique index keeps one; ask to try again.
            throw new ConflictException("The rules were just saved by someone else; reload and try again.");
        }

        return ClassPolicyDto.From(policy);
    }
}

/// <summary><c>GET/PUT /api/classes/policy</c>.</summary>
internal static class ClassPolicyEndpoints
{
    public static void MapClassPolicy(this RouteGroupBuilder classes, RouteGroupBuilder writes)
    {
        classes.MapGet("/policy", async (ClassPolicies policies, CancellationToken ct) => TypedResults.Ok(await policies.GetAsync(ct)))
            .AllowAnonymous().WithName("GetClassPolicy");
        writes.MapPut("/policy", async (ClassPolicyDto request, ClassPolicies policies, CancellationToken ct) => TypedResults.Ok(await policies.SaveAsync(request, ct)))
            .WithName("SaveClassPolicy");
    }
}
