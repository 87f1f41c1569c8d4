using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Http;
using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Identity.Features.Profile;

/// <summary>Body of <c>PUT /api/me/profile</c>: the whole editable profile (empty clears a field).</summary>
internal sealed record UpdateProfileRequest(string? DisplayName, string? Phone, string? PhotoUrl, string? EmergencyContactName, string? EmergencyContactPhone) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.Required(DisplayName, "displayName", 200);
        CheckPhone(errors, Phone, "phone");
        errors.MaxLength(EmergencyContactName, "emergencyContactName", 200);
        CheckPhone(errors, EmergencyContactPhone, "emergencyContactPhone");
        errors.AddIf(string.IsNullOrWhiteSpace(EmergencyContactName) != string.IsNullOrWhiteSpace(EmergencyContactPhone),
            string.IsNullOrWhiteSpace(EmergencyContactName) ? "emergencyContactName" : "emergencyContactPhone",
            "Give the emergency contact's name and phone number together.");
        if (!string.IsNullOrWhiteSpace(PhotoUrl) && !ProfilePhotoPaths.IsStored(PhotoUrl))
        {
            errors.AddIf(PhotoUrl.Length > 500 || !Uri.TryCreate(PhotoUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps,
                "photoUrl", "Give the photo's full https address (at most 500 characters).");
        }
    }

    /// <summary>Australian numbers as people write them: digits, spaces, brackets, a leading +, 8 to 15 digits.</summary>
    private static void CheckPhone(ValidationErrors errors, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var digits = value.Count(char.IsAsciiDigit);
        errors.AddIf(value.Length > 32 || digits is < 8 or > 15 || value.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '(' or ')' or '-' or '+')),
            field, "A phone number such as 0412 345 678 or (03) 9000 1234.");
    }
}

/// <summary>The signed-in person's own profile (<c>GET /api/me/profile</c>; the profile page calls it too).</summary>
internal sealed class GetMyProfileHandler(UserManager<DerrimutUser> users)
{
    public async Task<PersonProfileDto> HandleAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(principal.RequireUserId().ToString()) ?? throw new NotFoundException("No such person.");
        return ToDto(user);
    }

    internal static PersonProfileDto ToDto(DerrimutUser u) =>
        new(u.DisplayName, u.Email ?? "", u.PhoneNumber, u.PhotoUrl, u.EmergencyContactName, u.EmergencyContactPhone);
}

/// <summary>
/// Saves the signed-in person's profile (<c>PUT /api/me/profile</c>): their name, phone, photo and emergency contact,
/// one record for every gym they belong to. The change is audited in <c>identity.profile_audit_entries</c> (who, when,
/// which fields; never the values) in the same save. The photo is uploaded separately (<see cref="MyProfilePhotoHandler"/>);
/// here it can only be kept, cleared or replaced by an https link.
/// </summary>
internal sealed class SaveMyProfileHandler(UserManager<DerrimutUser> users, DerrimutDbContext db, TimeProvider time, ILogger<SaveMyProfileHandler> logger)
{
    public async Task<PersonProfileDto> HandleAsync(UpdateProfileRequest request, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
        var user = await users.FindByIdAsync(principal.RequireUserId().ToString()) ?? throw new NotFoundException("No such person.");
        var before = GetMyProfileHandler.ToDto(user);
        var photoUrl = Blank(request.PhotoUrl);
        if (ProfilePhotoPaths.IsStored(photoUrl) && photoUrl != user.PhotoUrl)
        {
            // Only the person's own stored photo may be kept; another's address is not theirs to show.
            throw new ValidationException("photoUrl", "Upload a photo, or give the full https address of one.");
        }

        if (ProfilePhotoPaths.IsStored(user.PhotoUrl) && photoUrl != user.PhotoUrl)
        {
            // The stored photo is no longer shown: it goes, in the same save.
            await db.Set<ProfilePhoto>().Where(p => p.UserId == user.Id).ForEachAsync(p => db.Remove(p), cancellationToken);
        }

        user.DisplayName = request.DisplayName!.Trim();
        user.PhoneNumber = Blank(request.Phone);
        user.PhotoUrl = photoUrl;
        user.EmergencyContactName = Blank(request.EmergencyContactName);
        user.EmergencyContactPhone = Blank(request.EmergencyContactPhone);
        var after = GetMyProfileHandler.ToDto(user);
        var changed = Changed(before, after).ToList();
        if (changed.Count > 0)
        {
            // Saved by the user store's save below, with the profile itself.
            db.Add(ProfileAudit.Entry(user.Id, principal, "profile-updated", "Changed: " + string.Join(", ", changed) + ".", time));
        }

        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            // The concurrency stamp moved: the person saved from another tab at the same moment.
            throw new ConflictException("Your profile was changed elsewhere at the same time; reload and try again.", "displayName");
        }

        logger.LogInformation("Person {User} changed their profile ({Fields})", user.Id, string.Join(", ", changed));
        return after;
    }

    private static IEnumerable<string> Changed(PersonProfileDto a, PersonProfileDto b)
    {
        if (a.DisplayName != b.DisplayName) yield return "displayName";
        if (a.Phone != b.Phone) yield return "phone";
        if (a.PhotoUrl != b.PhotoUrl) yield return "photoUrl";
        if (a.EmergencyContactName != b.EmergencyContactName || a.EmergencyContactPhone != b.EmergencyContactPhone) yield return "emergencyContact";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A member's or staff member's profile for staff pages: only people with access at this gym.</summary>
internal sealed class PersonProfiles(DerrimutDbContext db) : IPersonProfiles
{
    public async Task<PersonProfileDto?> FindAtThisGymAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        // The tenant filter limits access rows to this gym (and its franchise's): a person of another gym is not found.
        if (!await db.Set<LocationAccess>().AnyAsync(a => a.UserId == userId, cancellationToken))
        {
            return null;
        }

        var user = await db.Set<DerrimutUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : GetMyProfileHandler.ToDto(user);
    }
}

/// <summary><c>GET/PUT /api/me/profile</c>.</summary>
internal static class MyProfileEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/profile", (ClaimsPrincipal user, GetMyProfileHandler h, CancellationToken ct) => h.HandleAsync(user, ct))
            .RequireAuthorization().WithTags("Identity").WithName("GetMyProfile").WithSummary("The signed-in person's profile.");
        api.MapPut("/me/profile", (UpdateProfileRequest body, ClaimsPrincipal user, SaveMyProfileHandler h, CancellationToken ct) => h.HandleAsync(body, user, ct))
            .RequireAuthorization().RequireRateLimiting(RateLimitPolicies.Writes)
            .WithTags("Identity").WithName("UpdateMyProfile").WithSummary("Changes the signed-in person's name, phone, photo and emergency contact.");
    }
}
