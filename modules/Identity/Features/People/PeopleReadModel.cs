using Derrimut.Identity.Contracts;

namespace Derrimut.Identity.Features.People;

internal sealed class PeopleReadModel(DerrimutDbContext db) : IPeopleReadModel
{
    public IQueryable<PersonRow> People =>
        db.Set<DerrimutUser>().AsNoTracking().Select(u => new PersonRow { UserId = u.Id, DisplayName = u.DisplayName, Email = u.Email ?? "", PhotoUrl = u.PhotoUrl });
}
