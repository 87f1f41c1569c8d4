using Derrimut.Organizations.Contracts;
using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Features.CurrentOrganization;

internal sealed class LocationOpenings(DerrimutDbContext db) : ILocationOpenings
{
    public async Task<IReadOnlyList<LocationOpenedDto>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<Organization>().AsNoTracking().Where(o => o.Kind == TenantKind.Location && o.State == TenantState.Active)
            .Select(o => new { o.Id, o.ParentId, o.CreatedAt }).ToListAsync(cancellationToken))
        .Select(o => new LocationOpenedDto(o.Id, o.ParentId ?? o.Id, o.CreatedAt)).ToList();
}
