using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Media;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Organizations.Features.GymProfile;

/// <summary>Where a gym's stored photo is served: on its own site, and on its franchise's (which lists its locations).</summary>
internal static class GymPhotoPaths
{
    public const string Field = "photo";

    /// <summary>The longest side of a stored gym photo (a wide banner on the public page).</summary>
    public const int MaxSide = 1600;

    public static string For(Guid organizationId, string version) => $"/gyms/{organizationId:D}/photo?v={version}";

    /// <summary>True for an address of a photo this app stores (as opposed to an https link the gym gave).</summary>
    public static bool IsStored(string? url) => url is not null && url.StartsWith("/gyms/", StringComparison.Ordinal);
}

/// <summary>
/// Replaces (or removes) the current gym's uploaded photo (<c>PUT/DELETE /api/organizations/current/photo</c>; the
/// <c>/admin/gym</c> page calls it too): the upload is resized and re-encoded as JPEG (<see cref="Photos"/>), stored in
/// <c>organizations.gym_photos</c>, the profile's photo address points at it, the change is audited in the same save
/// and the tenant catalog is invalidated on every node, as for any profile change.
/// </summary>
internal sealed class GymPhotoHandler(ICurrentTenant tenant, DerrimutDbContext db, ITenantCatalog catalog, TimeProvider time)
{
    public async Task<GymProfileDto> UploadAsync(byte[] original, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var jpeg = Photos.ToJpeg(original, GymPhotoPaths.MaxSide, GymPhotoPaths.Field);
        var organization = await CurrentAsync(cancellationToken);
        var photo = await db.Set<GymPhoto>().FirstOrDefaultAsync(p => p.OrganizationId == organization.Id, cancellationToken);
        if (photo is null)
        {
            photo = new GymPhoto { OrganizationId = organization.Id };
            db.Add(photo);
        }

        photo.Jpeg = jpeg;
        photo.Version = Photos.VersionOf(jpeg);
        photo.UpdatedAt = time.GetUtcNow();
        organization.PhotoUrl = GymPhotoPaths.For(organization.Id, photo.Version);
        return await SaveAsync(organization, actor, "photo-uploaded", $"A {jpeg.Length / 1024 + 1} KB photo.", cancellationToken);
    }

    public async Task<GymProfileDto> RemoveAsync(ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var organization = await CurrentAsync(cancellationToken);
        var photo = await db.Set<GymPhoto>().FirstOrDefaultAsync(p => p.OrganizationId == organization.Id, cancellationToken);
        if (photo is not null)
        {
            db.Remove(photo);
        }

        if (photo is null && organization.PhotoUrl is null)
        {
            return GetGymProfileHandler.ToDto(organization, []);
        }

        organization.PhotoUrl = null;
        return await SaveAsync(organization, actor, "photo-removed", "Photo removed.", cancellationToken);
    }

    private async Task<Organization> CurrentAsync(CancellationToken cancellationToken)
    {
        var id = tenant.Tenant?.Id ?? throw new NotFoundException("No gym here.");
        return await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) ?? throw new NotFoundException("No gym here.");
    }

    private async Task<GymProfileDto> SaveAsync(Organization organization, ClaimsPrincipal actor, string action, string detail, CancellationToken cancellationToken)
    {
        db.Add(new OrganizationAuditEntry { OrganizationId = organization.Id, ActorId = actor.FindUserId(), Action = action, Detail = detail, At = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed this gym's profile at the same time; reload and try again.", GymPhotoPaths.Field);
        }

        await catalog.InvalidateAsync(organization.Id, [organization.Identifier], cancellationToken);
        return GetGymProfileHandler.ToDto(organization, []);
    }
}

/// <summary>
/// Serves a gym's stored photo (<c>GET /gyms/{id}/photo</c>) to anyone: it is on the public site. Only on the site of
/// that gym or of its franchise (a franchise page shows its locations, a location's shows its franchise's); elsewhere
/// 404, so one chain's site never serves another's pictures.
/// </summary>
internal static class GymPhotoServing
{
    public static async Task<IResult> ServeAsync(Guid organizationId, DerrimutDbContext db, ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var here = tenant.Tenant?.Id;
        if (here is null)
        {
            return TypedResults.NotFound();
        }

        if (organizationId != here)
        {
            var related = await db.Set<Organization>().AsNoTracking()
                .AnyAsync(o => (o.Id == organizationId && o.ParentId == here) || (o.Id == here && o.ParentId == organizationId), cancellationToken);
            if (!related)
            {
                return TypedResults.NotFound();
            }
        }

        var photo = await db.Set<GymPhoto>().AsNoTracking().Where(p => p.OrganizationId == organizationId)
            .Select(p => new { p.Jpeg, p.Version }).FirstOrDefaultAsync(cancellationToken);
        return photo is null ? TypedResults.NotFound() : new CachedPhoto(photo.Jpeg, photo.Version);
    }

    private sealed class CachedPhoto(byte[] jpeg, string version) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            // The address carries the version, so any cache may keep it for good.
            httpContext.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.File(jpeg, Photos.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\"")).ExecuteAsync(httpContext);
        }
    }
}

/// <summary><c>PUT/DELETE /api/organizations/current/photo</c> and <c>GET /gyms/{id}/photo</c>.</summary>
internal static class GymPhotoEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder organizations)
    {
        var admin = organizations.MapGroup("/current/photo").RequireTenant().RequireAuthorization(OrganizationsPermissions.ManageOrganization)
            .RequireRateLimiting(RateLimitPolicies.Writes);
        admin.MapPut("", async (HttpRequest request, ClaimsPrincipal user, GymPhotoHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.UploadAsync(await Photos.ReadUploadAsync(request, GymPhotoPaths.Field, ct), user, ct)))
            .WithName("UploadGymPhoto").WithSummary("Replaces the gym's photo (the image itself as the body); the public site shows it at once.");
        admin.MapDelete("", async (ClaimsPrincipal user, GymPhotoHandler h, CancellationToken ct) => TypedResults.Ok(await h.RemoveAsync(user, ct)))
            .WithName("RemoveGymPhoto").WithSummary("Removes the gym's photo.");
        app.MapGet("/gyms/{organizationId:guid}/photo", (Guid organizationId, DerrimutDbContext db, ICurrentTenant tenant, CancellationToken ct) =>
                GymPhotoServing.ServeAsync(organizationId, db, tenant, ct))
            .AllowAnonymous().ExcludeFromDescription();
    }
}
