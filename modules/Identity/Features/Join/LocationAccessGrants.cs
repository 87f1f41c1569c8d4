using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;

namespace Derrimut.Identity.Features.Join;

/// <summary>
/// Joins a person to the current location (sign-up, or a signed-in person joining another gym). The tenant filter
/// scopes the access lookup to this location, and the data layer stamps the new row with it.
/// </summary>
internal sealed class LocationAccessGrants(DerrimutDbContext db, ICurrentTenant tenant) : ILocationAccessGrants
{
    public async Task JoinAsync(Guid userId, string role, CancellationToken cancellationToken = default)
    {
        if (!IdentityRoles.Location.Contains(role))
        {
            throw new ValidationException("role", $"Unknown role '{role}'. Roles are member, trainer, staff and admin.");
        }

        if (tenant.Tenant is not { IsLocation: true })
        {
            throw new ForbiddenException("People join a gym on the gym's own site.");
        }

        if (!await db.Set<DerrimutUser>().AnyAsync(u => u.Id == userId, cancellationToken))
        {
            throw new NotFoundException("No person has this id.");
        }

        var access = await db.Set<LocationAccess>().FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (access is null)
        {
            db.Add(new LocationAccess { UserId = userId, Roles = [role] });
        }
        else if (!access.Roles.Contains(role))
        {
            access.Roles = [.. IdentityRoles.Location.Where(r => r == role || access.Roles.Contains(r))];
        }
        else
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // Two sign-ups of one person racing: the unique (location, person) index lets one win; the person is a
            // member either way.
            db.ChangeTracker.Clear();
            if (!await db.Set<LocationAccess>().AnyAsync(m => m.UserId == userId, cancellationToken))
            {
                throw;
            }
        }
    }
}
