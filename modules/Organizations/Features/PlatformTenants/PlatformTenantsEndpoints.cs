using Derrimut.BuildingBlocks.Http;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Data;
using Derrimut.Organizations.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Organizations.Features.PlatformTenants;

/// <summary>A tenant as the platform console sees it.</summary>
internal sealed record PlatformTenantDto(
    Guid Id,
    string Identifier,
    string Name,
    string Kind,
    Guid? FranchiseId,
    string State,
    OrganizationProfileDto Profile,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>One page of tenants.</summary>
internal sealed record TenantPage(IReadOnlyList<PlatformTenantDto> Items, int Total, int Page, int PageSize);

/// <summary>
/// <c>/api/platform/tenants</c>: superadmins list, create, update, suspend and activate franchises and locations.
/// Served only in platform scope (<c>admin.{root}</c>), and every write invalidates the tenant catalog on every node.
/// </summary>
internal static class PlatformTenantsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/platform/tenants")
            .RequirePlatformScope()
            .RequireAuthorization(OrganizationsPermissions.ManageAllOrganizations)
            .WithTags("Platform: tenants");

        group.MapGet("/", ListAsync).WithName("ListTenants").WithSummary("Lists franchises and locations, filtered and paged.");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetTenant");
        var writes = group.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);
        writes.MapPost("/", CreateAsync).WithName("CreateTenant").WithSummary("Creates a franchise or a location under a franchise.");
        writes.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateTenant").WithSummary("Replaces a tenant's profile (optimistic concurrency on version).");
        writes.MapPost("/{id:guid}/suspend", (Guid id, DerrimutDbContext db, ITenantCatalog catalog, CancellationToken ct) =>
            ChangeStateAsync(id, TenantState.Suspended, db, catalog, ct)).WithName("SuspendTenant");
        writes.MapPost("/{id:guid}/activate", (Guid id, DerrimutDbContext db, ITenantCatalog catalog, CancellationToken ct) =>
            ChangeStateAsync(id, TenantState.Active, db, catalog, ct)).WithName("ActivateTenant");
    }

    internal static async Task<Ok<TenantPage>> ListAsync(
        DerrimutDbContext db, string? kind, Guid? franchiseId, string? state, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        TenantKind? kindFilter = kind switch { null => null, "franchise" => TenantKind.Franchise, "location" => TenantKind.Location, _ => null };
        errors.AddIf(kind is not null && kindFilter is null, "kind", "The kind must be 'franchise' or 'location'.");
        TenantState? stateFilter = null;
        if (state is not null)
        {
            if (Enum.TryParse<TenantState>(state, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(state, out _))
            {
                stateFilter = parsed;
            }
            else
            {
                errors.Add("state", "The state must be 'provisioning', 'active' or 'suspended'.");
            }
        }

        var pageNumber = page ?? 1;
        var size = pageSize ?? 50;
        errors.AddIf(pageNumber < 1, "page", "Pages start at 1.");
        errors.AddIf(size is < 1 or > 200, "pageSize", "The page size must be between 1 and 200.");
        errors.MaxLength(search, "search", 100);
        errors.ThrowIfAny();

        var query = db.Set<Organization>().AsNoTracking();
        if (kindFilter is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        if (franchiseId is { } f)
        {
            query = query.Where(o => o.ParentId == f || o.Id == f);
        }

        if (stateFilter is { } s)
        {
            query = query.Where(o => o.State == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(o => o.Identifier.Contains(term) || o.Name.ToLower().Contains(term));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new TenantPage(items.Select(ToDto).ToList(), total, pageNumber, size));
    }

    internal static async Task<Ok<PlatformTenantDto>> GetAsync(Guid id, DerrimutDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await FindAsync(db, id, ct)));

    internal static async Task<Created<PlatformTenantDto>> CreateAsync(
        CreateTenantRequest request, DerrimutDbContext db, ITenantCatalog catalog, CancellationToken ct)
    {
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(),
            Kind = request.ParsedKind!.Value,
            State = request.Activate ? TenantState.Active : TenantState.Provisioning,
        };
        if (organization.Kind == TenantKind.Location)
        {
            var franchise = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == request.FranchiseId, ct);
            if (franchise is not { Kind: TenantKind.Franchise })
            {
                throw new ValidationException("franchiseId", "No franchise has this id.");
            }

            organization.ParentId = franchise.Id;
        }

        request.ApplyTo(organization);
        await EnsureIdentifierFreeAsync(db, organization.Identifier, null, ct);
        db.Add(organization);
        await SaveAsync(db, organization.Identifier, ct);
        await catalog.InvalidateAsync(organization.Id, [organization.Identifier], ct);
        return TypedResults.Created($"/api/platform/tenants/{organization.Id}", ToDto(organization));
    }

    internal static async Task<Ok<PlatformTenantDto>> UpdateAsync(
        Guid id, UpdateTenantRequest request, DerrimutDbContext db, ITenantCatalog catalog, CancellationToken ct)
    {
        var organization = await db.Set<Organization>().FirstOrDefaultAsync(o => o.Id == id, ct)
            ?? throw new NotFoundException("No tenant has this id.");
        if (organization.Kind == TenantKind.Location && request.Address is null)
        {
            throw new ValidationException("address", "A location needs its street address.");
        }

        var previousIdentifier = organization.Identifier;
        // The caller's version becomes the original value, so a stale edit fails in the database's WHERE clause.
        db.Entry(organization).Property(o => o.Version).OriginalValue = request.Version;
        request.ApplyTo(organization);
        if (organization.Identifier != previousIdentifier)
        {
            await EnsureIdentifierFreeAsync(db, organization.Identifier, organization.Id, ct);
        }

        await SaveAsync(db, organization.Identifier, ct);
        await catalog.InvalidateAsync(organization.Id, [previousIdentifier, organization.Identifier], ct);
        return TypedResults.Ok(ToDto(organization));
    }

    internal static async Task<Ok<PlatformTenantDto>> ChangeStateAsync(
        Guid id, TenantState state, DerrimutDbContext db, ITenantCatalog catalog, CancellationToken ct)
    {
        var organization = await FindAsync(db, id, ct, tracking: true);
        if (organization.State != state)
        {
            organization.State = state;
            await db.SaveChangesAsync(ct);
            await catalog.InvalidateAsync(organization.Id, [organization.Identifier], ct);
        }

        return TypedResults.Ok(ToDto(organization));
    }

    private static async Task<Organization> FindAsync(DerrimutDbContext db, Guid id, CancellationToken ct, bool tracking = false)
    {
        var query = tracking ? db.Set<Organization>() : db.Set<Organization>().AsNoTracking();
        return await query.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("No tenant has this id.");
    }

    private static async Task EnsureIdentifierFreeAsync(DerrimutDbContext db, string identifier, Guid? except, CancellationToken ct)
    {
        if (await db.Set<Organization>().AnyAsync(o => o.Identifier == identifier && o.Id != except, ct))
        {
            throw new ConflictException($"'{identifier}' is already taken by another franchise or location.", "identifier");
        }
    }

    private static async Task SaveAsync(DerrimutDbContext db, string identifier, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            // Two creates racing for one identifier: the unique index decides; the loser gets a clear 409.
            throw new ConflictException($"'{identifier}' is already taken by another franchise or location.", "identifier");
        }
    }

    internal static PlatformTenantDto ToDto(Organization o) => new(
        o.Id,
        o.Identifier,
        o.Name,
        o.Kind == TenantKind.Location ? "location" : "franchise",
        o.ParentId,
        o.State.ToString().ToLowerInvariant(),
        OrganizationQueries.ToProfile(o),
        o.Version,
        o.CreatedAt,
        o.UpdatedAt);
}
