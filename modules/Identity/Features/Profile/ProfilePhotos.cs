using System.Security.Claims;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Media;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Identity.Features.Profile;

/// <summary>Where a stored profile photo is served: relative, so it is served by whichever gym's site shows it.</summary>
internal static class ProfilePhotoPaths
{
    public const string Field = "photo";

    /// <summary>The longest side of a stored portrait (shown at up to 160 px, twice that on sharp screens).</summary>
    public const int MaxSide = 512;

    public static string For(Guid userId, string version) => $"/people/{userId:D}/photo?v={version}";

    /// <summary>True for an address of a photo this app stores (as opposed to an https link the person gave).</summary>
    public static bool IsStored(string? url) => url is not null && url.StartsWith("/people/", StringComparison.Ordinal);
}

/// <summary>
/// Replaces (or removes) the signed-in person's uploaded profile photo: the upload is decoded, cropped square,
/// resized and re-encoded as JPEG (<see cref="Photos"/>), stored in <c>identity.profile_photos</c>, and the profile's
/// photo address points at it; the change is audited in the same save.
/// </summary>
internal sealed class MyProfilePhotoHandler(DerrimutDbContext db, UserManager<DerrimutUser> users, TimeProvider time)
{
    public async Task<PersonProfileDto> UploadAsync(byte[] original, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var jpeg = Photos.ToJpeg(original, ProfilePhotoPaths.MaxSide, ProfilePhotoPaths.Field, square: true);
        var user = await users.FindByIdAsync(principal.RequireUserId().ToString()) ?? throw new NotFoundException("No such person.");
        var photo = await db.Set<ProfilePhoto>().FirstOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
        if (photo is null)
        {
            photo = new ProfilePhoto { UserId = user.Id };
            db.Add(photo);
        }

        photo.Jpeg = jpeg;
        photo.Version = Photos.VersionOf(jpeg);
        photo.UpdatedAt = time.GetUtcNow();
        user.PhotoUrl = ProfilePhotoPaths.For(user.Id, photo.Version);
        db.Add(ProfileAudit.Entry(user.Id, principal, "photo-uploaded", $"A {jpeg.Length / 1024 + 1} KB photo.", time));
        await SaveAsync(user);
        return GetMyProfileHandler.ToDto(user);
    }

    public async Task<PersonProfileDto> RemoveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(principal.RequireUserId().ToString()) ?? throw new NotFoundException("No such person.");
        var photo = await db.Set<ProfilePhoto>().FirstOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
        if (photo is null && user.PhotoUrl is null)
        {
            return GetMyProfileHandler.ToDto(user);
        }

        if (photo is not null)
        {
            db.Remove(photo);
        }

        user.PhotoUrl = null;
        db.Add(ProfileAudit.Entry(user.Id, principal, "photo-removed", "Photo removed.", time));
        await SaveAsync(user);
        return GetMyProfileHandler.ToDto(user);
    }

    private async Task SaveAsync(DerrimutUser user)
    {
        // The user store saves the whole unit of work: the photo row, the audit entry and the profile together.
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new ConflictException("Your profile was changed elsewhere at the same time; reload and try again.", ProfilePhotoPaths.Field);
        }
    }
}

/// <summary>
/// Serves a person's stored photo (<c>GET /people/{id}/photo</c>) on a gym's site: to the person themselves, and to
/// the staff, trainers and admins of a gym the person belongs to (the desk and the member view show it); anyone else
/// gets 404, as if there were none. Cached privately for good: the address changes with every new photo.
/// </summary>
internal static class ProfilePhotoServing
{
    private static readonly string[] StaffRoles = [IdentityRoles.Staff, IdentityRoles.Admin, IdentityRoles.Trainer];

    public static async Task<IResult> ServeAsync(Guid userId, ClaimsPrincipal viewer, DerrimutDbContext db, ICurrentTenant tenant, CancellationToken cancellationToken)
    {
        var self = viewer.FindUserId() == userId;
        if (!self)
        {
            var staffHere = tenant.Tenant is not null && (viewer.IsInRole(DerrimutClaims.SuperAdminRole) || StaffRoles.Any(viewer.IsInRole));

            // The tenant filter keeps access rows to this gym (and its franchise's): a person of another gym is not found.
            if (!staffHere || !await db.Set<LocationAccess>().AnyAsync(a => a.UserId == userId, cancellationToken))
            {
                return TypedResults.NotFound();
            }
        }

        var photo = await db.Set<ProfilePhoto>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.Jpeg, p.Version }).FirstOrDefaultAsync(cancellationToken);
        if (photo is null)
        {
            return TypedResults.NotFound();
        }

        return new CachedPhoto(photo.Jpeg, photo.Version);
    }

    /// <summary>The JPEG with private, long-lived caching (the URL carries the version).</summary>
    private sealed class CachedPhoto(byte[] jpeg, string version) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.File(jpeg, Photos.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\"")).ExecuteAsync(httpContext);
        }
    }
}

/// <summary>Builds the audit rows of profile changes.</summary>
internal static class ProfileAudit
{
    public static ProfileAuditEntry Entry(Guid userId, ClaimsPrincipal actor, string action, string detail, TimeProvider time) => new()
    {
        UserId = userId,
        ActorId = actor.FindUserId(),
        Action = action,
        Detail = detail.Length > 1000 ? detail[..1000] : detail,
        At = time.GetUtcNow(),
    };
}

/// <summary><c>PUT/DELETE /api/me/profile/photo</c> and <c>GET /people/{id}/photo</c>.</summary>
internal static class ProfilePhotoEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapPut("/me/profile/photo", async (HttpRequest request, ClaimsPrincipal user, MyProfilePhotoHandler h, CancellationToken ct) =>
                TypedResults.Ok(await h.UploadAsync(await Photos.ReadUploadAsync(request, ProfilePhotoPaths.Field, ct), user, ct)))
            .RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Writes)
            .WithTags("Identity").WithName("UploadMyProfilePhoto").WithSummary("Replaces the signed-in person's photo (the image itself as the body).");
        api.MapDelete("/me/profile/photo", async (ClaimsPrincipal user, MyProfilePhotoHandler h, CancellationToken ct) => TypedResults.Ok(await h.RemoveAsync(user, ct)))
            .RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Writes)
            .WithTags("Identity").WithName("RemoveMyProfilePhoto").WithSummary("Removes the signed-in person's photo.");
        app.MapGet("/people/{userId:guid}/photo", (Guid userId, ClaimsPrincipal user, DerrimutDbContext db, ICurrentTenant tenant, CancellationToken ct) =>
                ProfilePhotoServing.ServeAsync(userId, user, db, tenant, ct))
            .RequireAuthorization().ExcludeFromDescription();
    }
}
