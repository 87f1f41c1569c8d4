using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;

namespace Derrimut.Identity.Features.Join;

/// <summary>
/// Joins a person to the current location (sign-up, or a signed-in person joining another gym). The tenant filter
/// scopes the membership lookup to this location, and the data layer stamps the new row with it.
/// </summary>
internal sealed class MembershipAdmin(DerrimutDbContext db, ICurrentTenant tenant) : IMembershipAdmin
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

        var membership = await db.Set<LocationMembership>().FirstOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        if (membership is null)
        {
            db.Add(new LocationMembership { UserId = userId, Roles = [role] });
        }
        else if (!membership.Roles.Contains(role))
        {
            membership.Roles = [.. IdentityRoles.Location.Where(r => r == role || membership.Roles.Contains(r))];
        }
        else
        {
            return;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two sign-ups of one person racing: the unique (location, person) index lets one win; the person is a
            // member either way.
            db.ChangeTracker.Clear();
            if (!await db.Set<LocationMembership>().AnyAsync(m => m.UserId == userId, cancellationToken))
            {
                throw;
            }
        }
    }
}
