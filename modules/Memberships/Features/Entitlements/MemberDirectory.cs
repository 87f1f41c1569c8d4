using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;

namespace Derrimut.Memberships.Features.Entitlements;

/// <summary><see cref="IMemberDirectory"/>: this gym's memberships (the tenant filter) joined with Identity's people, in one statement.</summary>
internal sealed class MemberDirectory(DerrimutDbContext db, IPeopleReadModel people) : IMemberDirectory
{
    public async Task<IReadOnlyList<MemberMatch>> SearchAsync(string text, int max, CancellationToken cancellationToken = default)
    {
        var term = text.Trim().ToUpperInvariant();
        if (term.Length < 2)
        {
            return [];
        }

        var rows = await (
                from m in db.Set<Membership>().AsNoTracking()
                join p in people.People on m.UserId equals p.UserId
                where p.DisplayName.ToUpper().Contains(term) || p.Email.ToUpper().Contains(term)
                select new { p.UserId, p.DisplayName, p.Email })
            .Distinct().Take(max).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.DisplayName, StringComparer.OrdinalIgnoreCase).Select(r => new MemberMatch(r.UserId, r.DisplayName, r.Email))];
    }
}
