using Derrimut.BuildingBlocks.Http;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Organizations.Features.CurrentOrganization;

/// <summary><c>GET /api/organizations/current</c>: the resolved location's or franchise's public profile.</summary>
internal static class GetCurrentOrganization
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/current", async (CurrentOrganizationProfile profile) =>
                await profile.FindAsync() is { } found
                    ? (Results<Ok<OrganizationProfileDto>, ProblemHttpResult>)TypedResults.Ok(found)
                    : TypedResults.Problem(statusCode: 404, type: ProblemTypes.UnknownTenant, title: "No gym here."))
            .AllowAnonymous()
            .RequireTenant()
            .WithName("GetCurrentOrganization")
            .WithSummary("The public profile of the gym (or franchise) whose site this is.");

    /// <summary>
    /// The benchmark's baseline: the same row and the same compiled query, with no tenancy pipeline at all
    /// (no host parsing, no catalog, no scope check). Mapped only when <c>Benchmarks:BareEndpoints</c> is true.
    /// </summary>
    public static void MapBareBaseline(IEndpointRouteBuilder app) =>
        app.MapGet("/bench/bare/organizations/{identifier}", async (string identifier, DerrimutDbContext db) =>
            {
                var organization = await OrganizationQueries.ByIdentifier(db, identifier);
                return organization is null ? Results.NotFound() : Results.Ok(OrganizationQueries.ToProfile(organization));
            })
            .SkipTenantResolution()
            .ExcludeFromDescription();
}

/// <summary>The public profile of the gym (or franchise) whose site this is; the API and the site's home page call it.</summary>
internal sealed class CurrentOrganizationProfile(ICurrentTenant tenant, DerrimutDbContext db, GymProfileCache cache)
{
    /// <summary>The profile, or null on the platform host or when the tenant is gone. Remembered per organization.</summary>
    public async Task<OrganizationProfileDto?> FindAsync() =>
        tenant.Tenant is { } current
            ? await cache.GetOrReadAsync(current.Id, (Db: db, current.Id), static async (s, _) =>
                await OrganizationQueries.ById(s.Db, s.Id) is { } organization ? OrganizationQueries.ToProfile(organization) : (OrganizationProfileDto?)null,
                CancellationToken.None)
            : null;
}
