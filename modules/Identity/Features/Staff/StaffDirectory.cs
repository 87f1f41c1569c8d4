using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;

namespace Derrimut.Identity.Features.Staff;

/// <summary>Active trainer/staff/admin access rows of the current location, joined to the people.</summary>
internal sealed class StaffDirectory(DerrimutDbContext db) : IStaffDirectory
{
    private static readonly string[] WorkingRoles = [IdentityRoles.Trainer, IdentityRoles.Staff, IdentityRoles.Admin];

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken = default) =>
        await QueryAsync(null, cancellationToken);

    public async Task<StaffMember?> FindAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await QueryAsync(userId, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<StaffMember>> QueryAsync(Guid? userId, CancellationToken cancellationToken)
    {
        var query = from m in db.Set<LocationAccess>().AsNoTracking()
                    join u in db.Set<DerrimutUser>().AsNoTracking() on m.UserId equals u.Id
                    where m.IsActive
                    select new { m.Roles, u.Id, u.DisplayName, u.Email };
        if (userId is { } id)
        {
            query = query.Where(x => x.Id == id);
        }

        // Roles are a JSON column: filter after loading this location's (bounded) access rows.
        var rows = await query.ToListAsync(cancellationToken);
        return
        [
            .. rows.Where(r => r.Roles.Any(WorkingRoles.Contains))
                .OrderBy(r => r.DisplayName, StringComparer.CurrentCultureIgnoreCase)
                .Select(r => new StaffMember(r.Id, r.DisplayName, r.Email ?? "", [.. IdentityRoles.Location.Where(r.Roles.Contains)])),
        ];
    }
}
