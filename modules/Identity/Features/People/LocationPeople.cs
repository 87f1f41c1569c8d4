using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;

namespace Derrimut.Identity.Features.People;

/// <summary>Reads people through their location access, so the tenant filter limits every answer to this gym.</summary>
internal sealed class LocationPeople(DerrimutDbContext db) : ILocationPeople
{
    public async Task<LocationPerson?> FindAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await FindManyAsync([userId], cancellationToken)).GetValueOrDefault(userId);

    public async Task<LocationPerson?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalised = email.Trim().ToUpperInvariant();
        var rows = await Query().Where(x => x.User.NormalizedEmail == normalised).ToListAsync(cancellationToken);
        return rows.Select(x => ToPerson(x.Access, x.User)).FirstOrDefault();
    }

    public async Task<IReadOnlyDictionary<Guid, LocationPerson>> FindManyAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, LocationPerson>();
        }

        var rows = await Query().Where(x => ids.Contains(x.User.Id)).ToListAsync(cancellationToken);
        return rows.ToDictionary(x => x.User.Id, x => ToPerson(x.Access, x.User));
    }

    private IQueryable<Row> Query() =>
        from m in db.Set<LocationAccess>().AsNoTracking()
        join u in db.Set<DerrimutUser>().AsNoTracking() on m.UserId equals u.Id
        where m.IsActive
        select new Row { Access = m, User = u };

    private static LocationPerson ToPerson(LocationAccess access, DerrimutUser user) =>
        new(user.Id, user.DisplayName, user.Email ?? "", [.. access.Roles]);

    // A member-initialised class (not a tuple) so EF can keep composing filters over the join.
    private sealed class Row
    {
        public required LocationAccess Access { get; init; }

        public required DerrimutUser User { get; init; }
    }
}
