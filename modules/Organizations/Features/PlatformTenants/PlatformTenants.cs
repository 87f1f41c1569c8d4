using Derrimut.BuildingBlocks.Http;
using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Data;
using Derrimut.Organizations.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Organizations.Features.PlatformTenants;

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

        group.MapGet("/", async (string? kind, Guid? franchiseId, string? state, string? search, int? page, int? pageSize, PlatformTenants tenants, CancellationToken ct) =>
                TypedResults.Ok(await tenants.ListAsync(kind, franchiseId, state, search, page, pageSize, ct)))
            .WithName("ListTenants").WithSummary("Lists franchises and locations, filtered and paged.");
        group.MapGet("/{id:guid}", async (Guid id, PlatformTenants tenants, CancellationToken ct) => TypedResults.Ok(await tenants.GetAsync(id, ct)))
            .WithName("GetTenant");
        var writes = group.MapGroup("").RequireRateLimiting(RateLimitPolicies.Writes);
        writes.MapPost("/", async (CreateTenantRequest request, PlatformTenants tenants, CancellationToken ct) =>
            {
                var created = await tenants.CreateAsync(request, ct);
                return TypedResults.Created($"/api/platform/tenants/{created.Id}", created);
            })
            .WithName("CreateTenant").WithSummary("Creates a franchise or a location under a franchise.");
        writes.MapPut("/{id:guid}", async (Guid id, UpdateTenantRequest request, PlatformTenants tenants, CancellationToken ct) =>
                TypedResults.Ok(await tenants.UpdateAsync(id, request, ct)))
            .WithName("UpdateTenant").WithSummary("Replaces a tenant's profile (optimistic concurrency on version).");
        writes.MapPost("/{id:guid}/suspend", async (Guid id, PlatformTenants tenants, CancellationToken ct) =>
            TypedResults.Ok(await tenants.ChangeStateAsync(id, TenantState.Suspended, ct))).WithName("SuspendTenant");
        writes.MapPost("/{id:guid}/activate", async (Guid id, PlatformTenants tenants, CancellationToken ct) =>
            TypedResults.Ok(await tenants.ChangeStateAsync(id, TenantState.Active, ct))).WithName("ActivateTenant");
    }
}

/// <summary>
/// Superadmins' franchises and locations: list, create, update, suspend and activate. Called by the platform API and
/// the platform console; every write invalidates the tenant catalog on every node.
/// </summary>
internal sealed class PlatformTenants(DerrimutDbContext db, ITenantCatalog catalog, Derrimut.BuildingBlocks.Events.IIntegrationEventPublisher events)
{
    public async Task<TenantPage> ListAsync(string? kind, Guid? franchiseId, string? state, string? search, int? page, int? pageSize, CancellationToken ct)
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
        errors.Page(pageNumber, size);
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
        var items = await query.OrderBy(o => o.Kind).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((pageNumber - 1) * size).Take(size).ToListAsync(ct);
        return new TenantPage(items.Select(ToDto).ToList(), total, pageNumber, size);
    }

    public async Task<PlatformTenantDto> GetAsync(Guid id, CancellationToken ct) => ToDto(await FindAsync(id, ct));

    public async Task<PlatformTenantDto> CreateAsync(CreateTenantRequest request, CancellationToken ct)
    {
        ThrowIfInvalid(request);
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
        await EnsureIdentifierFreeAsync(organization.Identifier, null, ct);
        db.Add(organization);
        await SaveAsync(organization.Identifier, ct);
        await catalog.InvalidateAsync(organization.Id, [organization.Identifier], ct);
        if (organization is { Kind: TenantKind.Location, ParentId: { } franchiseId })
        {
            // After the save: the handlers work in the new location's own scope, which the catalog must know.
            await events.PublishAsync(new LocationOpened(organization.Id, franchiseId), ct);
        }

        return ToDto(organization);
    }

    public async Task<PlatformTenantDto> UpdateAsync(Guid id, UpdateTenantRequest request, CancellationToken ct)
    {
        ThrowIfInvalid(request);
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
            await EnsureIdentifierFreeAsync(organization.Identifier, organization.Id, ct);
        }

        await SaveAsync(organization.Identifier, ct);
        await catalog.InvalidateAsync(organization.Id, [previousIdentifier, organization.Identifier], ct);
        return ToDto(organization);
    }

    /// <summary>Suspends (its site answers 403 from the next request on, on every node) or activates a tenant.</summary>
    public async Task<PlatformTenantDto> ChangeStateAsync(Guid id, TenantState state, CancellationToken ct)
    {
        var organization = await FindAsync(id, ct, tracking: true);
        if (organization.State != state)
        {
            organization.State = state;
            await db.SaveChangesAsync(ct);
            await catalog.InvalidateAsync(organization.Id, [organization.Identifier], ct);
        }

        return ToDto(organization);
    }

    private static void ThrowIfInvalid(IValidatable request)
    {
        var errors = new ValidationErrors();
        request.Validate(errors);
        errors.ThrowIfAny();
    }

    private async Task<Organization> FindAsync(Guid id, CancellationToken ct, bool tracking = false)
    {
        var query = tracking ? db.Set<Organization>() : db.Set<Organization>().AsNoTracking();
        return await query.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("No tenant has this id.");
    }

    private async Task EnsureIdentifierFreeAsync(string identifier, Guid? except, CancellationToken ct)
    {
        if (await db.Set<Organization>().AnyAsync(o => o.Identifier == identifier && o.Id != except, ct))
        {
            throw new ConflictException($"'{identifier}' is already taken by another franchise or location.", "identifier");
        }
    }

    private async Task SaveAsync(string identifier, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (UniqueViolations.In(exception))
        {
            // Two creates racing for one identifier: the unique index decides; the loser gets a clear 409.
            throw new ConflictException($"'{identifier}' is already taken by another franchise or location.", "identifier");
        }
    }

    internal static PlatformTenantDto ToDto(Organization o) => new(
        o.Id,
        o.Identifier,
        o.Name,
        o.Kind == TenantKind.Location ? OrganizationKind.Location : OrganizationKind.Franchise,
        o.ParentId,
        o.State switch { TenantState.Active => SiteState.Active, TenantState.Suspended => SiteState.Suspended, _ => SiteState.Provisioning },
        OrganizationQueries.ToProfile(o),
        o.Version,
        o.CreatedAt,
        o.UpdatedAt);
}
