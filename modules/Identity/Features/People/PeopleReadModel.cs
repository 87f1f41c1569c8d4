using Derrimut.Identity.Contracts;
using Derrimut.Identity.Domain;

namespace Derrimut.Identity.Features.People;

internal sealed class PeopleReadModel(DerrimutDbContext db) : IPeopleReadModel
{
    // A person invited here under a name the gym typed, who has not come yet, is shown as typed and without a photo:
    // their own name and photo belong to the gyms they already joined (decision 0065). The access rows are filtered to
    // the current gym by the tenant filter, so elsewhere (and on the platform) the person's own name shows.
    public IQueryable<PersonRow> People
    {
        get
        {
            // A local, not db.Set<...>() inside the lambda: EF Core reads a captured local's value by reflection and
            // inlines the query root, but a method call inside the tree is interpreted through Expression.Compile on
            // every execution of every query that joins people (measured: most of the EF time of "my upcoming bookings").
            var invitations = db.Set<LocationAccess>().Where(a => a.InvitedName != null);
            return db.Set<DerrimutUser>().AsNoTracking().Select(u => new
                {
                    User = u,
                    Typed = invitations.Where(a => a.UserId == u.Id).Select(a => a.InvitedName).FirstOrDefault(),
                })
                .Select(x => new PersonRow
                {
                    UserId = x.User.Id,
                    DisplayName = x.Typed ?? x.User.DisplayName,
                    Email = x.User.Email ?? "",
                    PhotoUrl = x.Typed == null ? x.User.PhotoUrl : null,
                });
        }
    }
}
