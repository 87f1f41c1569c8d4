using Derrimut.Identity.Contracts;
using Derrimut.Memberships.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Memberships.Features.ListMemberships;

/// <summary>The front desk's list of the gym's memberships, filtered and searched by the member's name or email.</summary>
internal sealed class ListMembershipsHandler(DerrimutDbContext db, IPeopleReadModel people)
{
    private const string Frozen = "frozen";

    public async Task<MembershipListPage> HandleAsync(MembershipListFilter filter, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        errors.Page(filter.Page, filter.PageSize);
        errors.MaxLength(filter.Search, "search", 100);
        errors.MaxLength(filter.Plan, "plan", 50);
        errors.AddIf(filter.Status is not null && filter.Status != Frozen && MembershipViews.ParseStatus(filter.Status) is null,
            "status", "Statuses are pending, active, past_due, cancelled, expired and frozen.");
        errors.AddIf(filter.JoinedFrom is { } from && filter.JoinedTo is { } to && to < from, "joinedTo", "The end of the range is before its start.");
        errors.ThrowIfAny();

        // One statement: this gym's memberships (the tenant filter) joined with Identity's people read model.
        var query = from m in db.Set<Membership>().AsNoTracking()
                    join p in people.People on m.UserId equals p.UserId
                    select new { m, p };
        if (filter.Status == Frozen)
        {
            query = query.Where(x => x.m.IsFrozen);
        }
        else if (MembershipViews.ParseStatus(filter.Status) is { } status)
        {
            query = query.Where(x => x.m.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Plan))
        {
            query = query.Where(x => x.m.PlanCode == filter.Plan);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim().ToUpperInvariant();
            query = query.Where(x => x.p.Email.ToUpper().Contains(term) || x.p.DisplayName.ToUpper().Contains(term));
        }

        // Instants are stored in UTC (sortable ticks on SQLite), so a range given with any offset compares as UTC.
        if (filter.JoinedFrom is { } joinedFrom)
        {
            var fromUtc = joinedFrom.ToUniversalTime();
            query = query.Where(x => x.m.CreatedAt >= fromUtc);
        }

        if (filter.JoinedTo is { } joinedTo)
        {
            var toUtc = joinedTo.ToUniversalTime();
            query = query.Where(x => x.m.CreatedAt < toUtc);
        }

        // Counted and paged by the database (issue 12): a big gym's memberships never load whole. The order ends on the
        // id so that rows with the same name and join time keep their place from one page to the next.
        var total = await query.CountAsync(cancellationToken);
        var items = await query
            .OrderBy(x => x.p.DisplayName.ToUpper()).ThenByDescending(x => x.m.CreatedAt).ThenBy(x => x.m.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(x => new MembershipListItemDto(x.m.Id, x.m.UserId, x.p.DisplayName, x.p.Email, x.m.PlanCode,
                x.m.Status, x.m.IsFrozen, x.m.StartedAt, x.m.NextBillingAt, x.m.CancelsAt, x.m.CreatedAt))
            .ToListAsync(cancellationToken);
        return new MembershipListPage(items, total, filter.Page, filter.PageSize);
    }
}

/// <summary><c>GET /api/memberships?status=&amp;plan=&amp;search=&amp;joinedFrom=&amp;joinedTo=&amp;page=&amp;pageSize=</c>.</summary>
internal static class ListMembershipsEndpoint
{
    public static RouteGroupBuilder MapListMemberships(this RouteGroupBuilder group)
    {
        group.MapGet("/", async (
                ListMembershipsHandler handler, string? status, string? plan, string? search, DateTimeOffset? joinedFrom, DateTimeOffset? joinedTo,
                int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(new MembershipListFilter(status, plan, search, joinedFrom, joinedTo, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithName("ListMemberships");
        return group;
    }
}
