using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Http;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Data;
using Derrimut.Organizations.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Organizations.Features.GymProfile;

/// <summary>
/// Body of <c>PUT /api/organizations/current</c>: the whole editable profile plus the version it was read at. The
/// subdomain, time zone and currency are the platform's to change, so they are not here.
/// </summary>
internal sealed record UpdateGymProfileRequest : IValidatable
{
    public string Name { get; init; } = "";

    public AddressDto? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    /// <summary>Open around the clock; then <see cref="OpeningHours"/> are the staffed hours.</summary>
    public bool IsOpen24x7 { get; init; }

    public IReadOnlyList<OpeningHoursDto>? OpeningHours { get; init; }

    public IReadOnlyList<string>? Amenities { get; init; }

    /// <summary>Spaces allowed; stored as 11 digits; null or empty clears it.</summary>
    public string? Abn { get; init; }

    public string? PhotoUrl { get; init; }

    /// <summary>The version the caller read; a stale one gets 409.</summary>
    public long Version { get; init; }

    public void Validate(ValidationErrors errors)
    {
        errors.Required(Name, "name", 200);
        if (Address is not null)
        {
            AustralianAddressRules.Validate(Address, errors, "address");
        }

        errors.MaxLength(Phone, "phone", 32);
        errors.MaxLength(Email, "email", 254);
        errors.AddIf(!string.IsNullOrWhiteSpace(Email) && !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _), "email", "The email address is not valid.");
        OpeningHoursRules.Validate(OpeningHours, errors, "openingHours");
        AmenityCatalog.Validate(Amenities, errors, "amenities");
        if (!string.IsNullOrWhiteSpace(Abn) && AbnRules.Normalise(Abn, out var abnError) is null)
        {
            errors.Add("abn", abnError!);
        }

        if (!GymPhotoPaths.IsStored(PhotoUrl))
        {
            GymProfileRules.ValidatePhotoUrl(PhotoUrl, errors, "photoUrl");
        }
    }
}

/// <summary>The current gym's (or franchise's) editable profile, and a franchise's locations (<c>GET /api/organizations/current/profile</c>).</summary>
internal sealed class GetGymProfileHandler(ICurrentTenant tenant, DerrimutDbContext db)
{
    public async Task<GymProfileDto> HandleAsync(CancellationToken cancellationToken)
    {
        var id = tenant.Tenant?.Id ?? throw new NotFoundException("No gym here.");
        var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException("No gym here.");
        var locations = organization.Kind == TenantKind.Franchise
            ? await db.Set<Organization>().AsNoTracking().Where(o => o.ParentId == organization.Id).OrderBy(o => o.Name)
                .Select(o => new { o.Id, o.Identifier, o.Name, o.State }).ToListAsync(cancellationToken)
            : [];
        return ToDto(organization, locations.Select(l => new GymLocationDto(l.Id, l.Identifier, l.Name, SiteStates.Of(l.State))).ToList());
    }

    internal static GymProfileDto ToDto(Organization o, IReadOnlyList<GymLocationDto> locations) => new(
        o.Id,
        o.Kind == TenantKind.Location ? OrganizationKind.Location : OrganizationKind.Franchise,
        OrganizationQueries.ToProfile(o),
        o.Abn,
        o.Version,
        locations,
        o.UpdatedAt);
}

/// <summary>
/// Saves the current gym's profile (<c>PUT /api/organizations/current</c>; the <c>/admin/gym</c> page calls it too):
/// optimistic concurrency on the version, an audit entry naming the fields that changed, and the tenant catalog
/// invalidated on every node so the new name is on every page at once (the public profile itself is read from the
/// database on each visit).
/// </summary>
internal sealed class SaveGymProfileHandler(ICurrentTenant tenant, DerrimutDbContext db, ITenantCatalog catalog, TimeProvider time)
{
    public async Task<GymProfileDto> HandleAsync(UpdateGymProfileRequest request, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();

        var id = tenant.Tenant?.Id ?? throw new NotFoundException("No gym here.");
        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            ?? throw new NotFoundException("No gym here.");
        if (organization.Kind == TenantKind.Location && request.Address is null)
        {
            throw new ValidationException("address", "A location needs its street address.");
        }

        if (request.Version != organization.Version)
        {
            throw StaleVersion();
        }

        var before = Snapshot(organization);
        organization.Name = request.Name.Trim();
        organization.Address = request.Address is null ? null : AustralianAddressRules.ToEntity(request.Address);
        organization.Phone = Blank(request.Phone);
        organization.Email = Blank(request.Email);
        organization.IsOpen24x7 = request.IsOpen24x7;
        organization.OpeningHours = OpeningHoursRules.ToEntity(request.OpeningHours);
        organization.Amenities = (request.Amenities ?? []).Distinct(StringComparer.Ordinal).ToList();
        organization.Abn = string.IsNullOrWhiteSpace(request.Abn) ? null : AbnRules.Normalise(request.Abn, out _);
        var photoUrl = Blank(request.PhotoUrl);
        if (GymPhotoPaths.IsStored(photoUrl) && photoUrl != organization.PhotoUrl)
        {
            // Only this gym's own stored photo may be kept; another gym's address is not this one's to show.
            throw new ValidationException("photoUrl", "Upload a photo, or give the full https address of one.");
        }

        if (GymPhotoPaths.IsStored(organization.PhotoUrl) && photoUrl != organization.PhotoUrl)
        {
            // The stored photo is no longer shown: it goes, in the same save.
            await db.Set<GymPhoto>().Where(p => p.OrganizationId == organization.Id).ForEachAsync(p => db.Remove(p), cancellationToken);
        }

        organization.PhotoUrl = photoUrl;
        var changed = Snapshot(organization).Where(f => before[f.Key] != f.Value).Select(f => f.Key).ToList();
        if (changed.Count == 0)
        {
            return GetGymProfileHandler.ToDto(organization, []) with { Locations = await LocationsAsync(organization, cancellationToken) };
        }

        // The caller's version becomes the original value, so a change saved between our read and this write
        // fails in the database's WHERE clause rather than being overwritten.
        db.Entry(organization).Property(o => o.Version).OriginalValue = request.Version;
        db.Add(new OrganizationAuditEntry
        {
            OrganizationId = organization.Id,
            ActorId = actor.FindUserId(),
            Action = "profile-updated",
            Detail = "Changed: " + string.Join(", ", changed) + ".",
            At = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw StaleVersion();
        }

        await catalog.InvalidateAsync(organization.Id, [organization.Identifier], cancellationToken);
        return GetGymProfileHandler.ToDto(organization, await LocationsAsync(organization, cancellationToken));
    }

    private async Task<IReadOnlyList<GymLocationDto>> LocationsAsync(Organization organization, CancellationToken cancellationToken) =>
        organization.Kind == TenantKind.Franchise
            ? (await db.Set<Organization>().AsNoTracking().Where(o => o.ParentId == organization.Id).OrderBy(o => o.Name)
                .Select(o => new { o.Id, o.Identifier, o.Name, o.State }).ToListAsync(cancellationToken))
                .Select(l => new GymLocationDto(l.Id, l.Identifier, l.Name, SiteStates.Of(l.State))).ToList()
            : [];

    private static ConflictException StaleVersion() =>
        new("Someone else changed this gym's profile after you opened it; reload to see their change, then edit again.", "version");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The profile's fields as text in the API's names, to tell which ones a save changed.</summary>
    private static Dictionary<string, string> Snapshot(Organization o) => new(StringComparer.Ordinal)
    {
        ["name"] = o.Name,
        ["address"] = o.Address is null ? "" : $"{o.Address.Street}|{o.Address.Suburb}|{o.Address.State}|{o.Address.Postcode}",
        ["phone"] = o.Phone ?? "",
        ["email"] = o.Email ?? "",
        ["isOpen24x7"] = o.IsOpen24x7.ToString(),
        ["openingHours"] = string.Join(";", o.OpeningHours.Select(h => $"{h.Day}{h.Opens}{h.Closes}{h.ClosesAtMidnight}")),
        ["amenities"] = string.Join(",", o.Amenities),
        ["abn"] = o.Abn ?? "",
        ["photoUrl"] = o.PhotoUrl ?? "",
    };
}

/// <summary>The latest changes to the current gym's profile, newest first (<c>GET /api/organizations/current/changes</c>).</summary>
internal sealed class ListGymProfileChangesHandler(ICurrentTenant tenant, DerrimutDbContext db)
{
    public async Task<IReadOnlyList<GymProfileChangeDto>> HandleAsync(CancellationToken cancellationToken)
    {
        var id = tenant.Tenant?.Id ?? throw new NotFoundException("No gym here.");
        var rows = await db.Set<OrganizationAuditEntry>().AsNoTracking().Where(e => e.OrganizationId == id)
            .Select(e => new { e.At, e.ActorId, e.Action, e.Detail }).ToListAsync(cancellationToken);
        // Sorted in memory: SQLite cannot order by a DateTimeOffset column.
        return rows.OrderByDescending(e => e.At).Take(20).Select(e => new GymProfileChangeDto(e.At, e.ActorId, e.Action, e.Detail)).ToList();
    }
}

internal static class SiteStates
{
    public static SiteState Of(TenantState state) => state switch
    {
        TenantState.Active => SiteState.Active,
        TenantState.Suspended => SiteState.Suspended,
        _ => SiteState.Provisioning,
    };
}

/// <summary>The endpoints of the gym's own profile, for people holding <c>manage:organization</c> here.</summary>
internal static class GymProfileEndpoints
{
    public static void Map(RouteGroupBuilder organizations)
    {
        var admin = organizations.MapGroup("/current").RequireTenant().RequireAuthorization(OrganizationsPermissions.ManageOrganization);
        admin.MapGet("/profile", (GetGymProfileHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithName("GetGymProfile").WithSummary("The gym's editable profile with its version (and a franchise's locations).");
        admin.MapGet("/changes", (ListGymProfileChangesHandler h, CancellationToken ct) => h.HandleAsync(ct))
            .WithName("ListGymProfileChanges").WithSummary("Who changed the gym's profile, and what, newest first.");
        admin.MapPut("", (UpdateGymProfileRequest body, ClaimsPrincipal user, SaveGymProfileHandler h, CancellationToken ct) => h.HandleAsync(body, user, ct))
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithName("UpdateGymProfile").WithSummary("Replaces the gym's profile (optimistic concurrency on version); the public site shows it at once.");
    }
}
