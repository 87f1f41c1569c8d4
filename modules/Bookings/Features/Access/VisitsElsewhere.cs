using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Access;
using Derrimut.Bookings.Features.Classes;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Bookings.Features.Access;

/// <summary>
/// Multi-club visits reported to the home gym: the visits this gym's members made to the franchise's other gyms. Each
/// visit is recorded at the visited gym with the member's home gym (decision 0032); the home gym reads them with the
/// one cross-location read decision 0003 allows franchise reports: read-only, a projection, ignoring only the
/// <c>tenant</c> filter, with the scope's own franchise and this gym as the home location as explicit conditions.
/// </summary>
internal sealed class VisitsElsewhere(DerrimutDbContext db, ICurrentTenant tenant, IGymClock clock, ITenantCatalog catalog, IPeopleReadModel people)
{
    public const int MaxDays = 92;

    public async Task<IReadOnlyList<VisitElsewhereDto>> ListAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var first = ClassFields.Date(from, "from", errors, required: false) ?? clock.Today.AddDays(-29);
        var last = ClassFields.Date(to, "to", errors, required: false) ?? clock.Today;
        errors.AddIf(last < first, "to", "The end of the range is before its start.");
        errors.AddIf(last.DayNumber - first.DayNumber >= MaxDays, "to", $"Ask for at most {MaxDays} days at a time.");
        errors.ThrowIfAny();

        var home = tenant.Tenant ?? throw new ForbiddenException("Visits elsewhere are reported to a gym.");
        var start = clock.StartOf(first).ToUniversalTime();
        var end = clock.StartOf(last.AddDays(1)).ToUniversalTime();
        var rows = await (
                from c in db.Set<CheckIn>().IgnoreQueryFilters([DataFilters.Tenant])
                join p in people.People on c.PersonId equals p.UserId into named
                from p in named.DefaultIfEmpty()
                where c.FranchiseId == home.FranchiseId && c.HomeLocationId == home.Id && c.TenantId != home.Id && c.At >= start && c.At < end
                orderby c.At descending
                select new { c.Id, c.PersonId, Name = p == null ? "Member" : p.DisplayName, c.TenantId, c.Place, c.At })
            .AsNoTracking().Take(1000).ToListAsync(cancellationToken);
        var names = new Dictionary<Guid, string>();
        foreach (var id in rows.Select(r => r.TenantId).Distinct())
        {
            names[id] = (await catalog.FindByIdAsync(id, cancellationToken))?.Name ?? "Another gym";
        }

        return [.. rows.Select(r => new VisitElsewhereDto(r.Id, r.PersonId, r.Name, names[r.TenantId], r.Place, clock.ToLocal(r.At)))];
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/check-ins/elsewhere", async (string? from, string? to, VisitsElsewhere handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(from, to, ct)))
            .RequireLocation().RequireAuthorization(ClassesPermissions.CheckInMembers).WithTags("Check-in").WithName("ListVisitsElsewhere");
}
