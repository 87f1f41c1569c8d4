using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Memberships.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features.GetMyMembership;

/// <summary>A member's current (or latest) membership at this gym, with the ledger; and the ledger on its own.</summary>
internal sealed class GetMyMembershipHandler(DerrimutDbContext db, MembershipReads reads, ICurrentTenant tenant, MyMembershipCache cache)
{
    /// <summary>The member's live membership, else their latest one; null if they never joined here. Remembered per gym and member.</summary>
    public async Task<MembershipDto?> HandleAsync(Guid userId, CancellationToken cancellationToken) =>
        await cache.GetOrReadAsync(
            tenant.Tenant is { IsLocation: true } location ? location.Id : null,
            userId,
            (Handler: this, UserId: userId),
            static (s, ct) => new ValueTask<MembershipDto?>(s.Handler.ReadAsync(s.UserId, ct)),
            cancellationToken);

    private async Task<MembershipDto?> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var membership = await db.Set<Membership>().AsNoTracking()
            .Where(m => m.UserId == userId)
            .OrderByDescending(m => m.LiveUserId != null).ThenByDescending(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return membership is null ? null : await reads.ToDtoAsync(membership, cancellationToken);
    }

    /// <summary>The member's ledger here, newest first.</summary>
    public Task<IReadOnlyList<LedgerLineDto>> LedgerAsync(Guid userId, CancellationToken cancellationToken) => reads.LedgerAsync(userId, cancellationToken);
}

/// <summary><c>GET /api/memberships/mine</c> (204 when the member never joined) and <c>GET /api/memberships/mine/ledger</c>.</summary>
internal static class GetMyMembershipEndpoint
{
    public static RouteGroupBuilder MapGetMyMembership(this RouteGroupBuilder group)
    {
        group.MapGet("/mine", async Task<Results<Ok<MembershipDto>, NoContent>> (ClaimsPrincipal me, GetMyMembershipHandler handler, CancellationToken ct) =>
                await handler.HandleAsync(me.RequireUserId(), ct) is { } membership ? TypedResults.Ok(membership) : TypedResults.NoContent())
            .WithName("GetMyMembership");
        group.MapGet("/mine/ledger", (ClaimsPrincipal me, GetMyMembershipHandler handler, CancellationToken ct) => handler.LedgerAsync(me.RequireUserId(), ct))
            .WithName("GetMyMembershipLedger");
        return group;
    }
}
