using Derrimut.Memberships.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features.GetMembership;

/// <summary>One membership of this gym with its ledger, for staff; another gym's is not found.</summary>
internal sealed class GetMembershipHandler(DerrimutDbContext db, MembershipReads reads)
{
    /// <exception cref="NotFoundException">No such membership at this gym.</exception>
    public async Task<MembershipDto> HandleAsync(Guid membershipId, CancellationToken cancellationToken)
    {
        var membership = await db.Set<Membership>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == membershipId, cancellationToken)
            ?? throw new NotFoundException("No such membership at this gym.");
        return await reads.ToDtoAsync(membership, cancellationToken);
    }
}

/// <summary><c>GET /api/memberships/{membershipId}</c>.</summary>
internal static class GetMembershipEndpoint
{
    public static RouteGroupBuilder MapGetMembership(this RouteGroupBuilder group)
    {
        group.MapGet("/{membershipId:guid}", async (Guid membershipId, GetMembershipHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(membershipId, ct)))
            .WithName("GetMembership");
        return group;
    }
}
