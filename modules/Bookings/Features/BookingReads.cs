using System.Collections.Concurrent;
using Derrimut.Bookings.Contracts;
using Derrimut.Bookings.Domain.Availability;
using Derrimut.Bookings.Domain.Calendar;
using Derrimut.Bookings.Domain.Sessions;
using Derrimut.Bookings.Domain.Trainers;
using Derrimut.Bookings.Features.MyBookings;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.BuildingBlocks.Time;
using Derrimut.Identity.Contracts;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Derrimut.Bookings.Features;

/// <summary>The reads the booking use cases share: the policy, a trainer's offers, slot search, booking DTOs.</summary>
internal sealed class BookingReads(DerrimutDbContext db, IGymClock clock, IPeopleReadModel people, ICurrentTenant tenant, UpcomingBookingsCache upcoming)
{
    public DerrimutDbContext Db => db;

    public IGymClock Clock => clock;

    /// <summary>
    /// Set only by the slot-search benchmark's bare baseline (mapped when <c>Benchmarks:BareEndpoints</c> is true): the
    /// location as a plain WHERE on its id instead of the tenant pipeline and global query filter; null everywhere else.
    /// </summary>
    internal Guid? BareLocationId { get; set; }

    /// <summary>The location's rows: the tenant filter's, or the bare baseline's plain WHERE.</summary>
    private IQueryable<T> Q<T>() where T : class, ILocationOwned =>
        BareLocationId is { } location ? db.Set<T>().IgnoreQueryFilters().Where(e => e.TenantId == location) : db.Set<T>();

    /// <summary>The location's policy, or the defaults until an admin saves one.</summary>
    public async Task<BookingPolicy> PolicyAsync(CancellationToken cancellationToken) =>
        await Q<BookingPolicy>().AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new BookingPolicy();

    /// <summary>A listed trainer of this location, or a 404 (another location's trainer is not found here).</summary>
    public async Task<Trainer> ListedTrainerAsync(Guid trainerId, CancellationToken cancellationToken) =>
        await Q<Trainer>().AsNoTracking().Where(t => t.Id == trainerId && t.IsListed)
            .Select(t => new Trainer { Id = t.Id, TenantId = t.TenantId, PersonId = t.PersonId, DisplayName = t.DisplayName, Bio = t.Bio, Specialties = t.Specialties, Qualifications = t.Qualifications, PhotoVersion = t.PhotoVersion, PhotoContentType = t.PhotoContentType })
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("No such trainer at this gym.");

    /// <summary>The trainer profile of the signed-in person at this location, or a 404 when they have none here.</summary>
    public async Task<Guid> OwnTrainerIdAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.Set<Trainer>().Where(t => t.PersonId == personId).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("You have no trainer profile at this gym.");

    /// <summary>What trainers offer, by trainer.</summary>
    public async Task<ILookup<Guid, OfferedSession>> OffersAsync(IReadOnlyCollection<Guid> trainerIds, CancellationToken cancellationToken)
    {
        var rows = await (from o in Q<TrainerOffer>()
                          join s in Q<SessionType>() on o.SessionTypeId equals s.Id
                          where trainerIds.Contains(o.TrainerId) && s.IsActive
                          orderby s.Name
                          select new { o.TrainerId, s.Code, s.Name, o.Minutes, o.PriceCents })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.TrainerId, r => new OfferedSession(r.Code, r.Name, r.Minutes, r.PriceCents));
    }

    /// <summary>Everything slot search needs for one trainer between two instants.</summary>
    public async Task<SlotSearch> SlotSearchAsync(Guid trainerId, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<OfferedSession> offers, CancellationToken cancellationToken)
    {
        // Npgsql writes only UTC instants; the gym's offsets are for people, not queries.
        from = from.ToUniversalTime();
        to = to.ToUniversalTime();
        var policy = await PolicyAsync(cancellationToken);
        var buffer = TimeSpan.FromMinutes(policy.BufferMinutes);
        var zone = clock.Zone;
        var firstDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        var lastDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        var weekly = await Q<WeeklyHours>().AsNoTracking().Where(w => w.TrainerId == trainerId).ToListAsync(cancellationToken);
        var exceptions = await Q<AvailabilityException>().AsNoTracking()
            .Where(e => e.TrainerId == trainerId && e.Date >= firstDate && e.Date <= lastDate).ToListAsync(cancellationToken);
        var busyFrom = from - buffer - TimeSpan.FromDays(1);
        var busyTo = to + buffer + TimeSpan.FromDays(1);
        var busy = await Q<CalendarBlock>().AsNoTracking()
            .Where(b => b.TrainerId == trainerId && b.StartsAt >= busyFrom && b.StartsAt < busyTo)
            .Select(b => b.StartsAt).ToListAsync(cancellationToken);
        return new SlotSearch(zone, from, to, weekly, exceptions, offers, busy.Select(CalendarBlocks.Floor).ToHashSet(), buffer,
            clock.UtcNow + TimeSpan.FromMinutes(policy.NoticeMinutes));
    }

    /// <summary>The trainer's photo URL, or null without one.</summary>
    public static string? PhotoUrlOf(Guid trainerId, string? contentType, int version) =>
        contentType is null ? null : $"/api/trainers/{trainerId}/photo?v={version}";

    /// <summary>Bookings as DTOs, with trainer and member names, in start order (one query).</summary>
    public async Task<List<BookingDto>> DtosAsync(IQueryable<PtSession> sessions, BookingPolicy policy, CancellationToken cancellationToken)
    {
        var rows = await (from s in sessions
                          join t in db.Set<Trainer>() on s.TrainerId equals t.Id
                          join p in people.People on s.MemberId equals p.UserId into members
                          from p in members.DefaultIfEmpty()
                          orderby s.StartsAt
                          select new { Session = s, TrainerName = t.DisplayName, MemberName = p == null ? null : p.DisplayName })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Select(r => ToDto(r.Session, r.TrainerName, r.MemberName, policy)).ToList();
    }

    /// <summary>
    /// A member's upcoming bookings (not yet ended, still booked): remembered per location and member between requests
    /// (<see cref="UpcomingBookingsCache"/>), each read leaving out what has ended since the rows were read.
    /// </summary>
    public async Task<List<BookingDto>> UpcomingDtosAsync(Guid memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessions = await upcoming.GetOrReadAsync(tenant.Id, memberId, (Reads: this, memberId, now),
            static (s, ct) => s.Reads.ReadUpcomingAsync(s.memberId, s.now, ct), cancellationToken);
        var dtos = new List<BookingDto>(sessions.Count);
        foreach (var r in sessions)
        {
            if (r.EndsAt > now)
            {
                dtos.Add(Dto(r.Id, r.TrainerId, r.TrainerName, r.MemberId, r.MemberName, r.SessionTypeCode, r.SessionTypeName, r.StartsAt,
                    r.EndsAt, r.Minutes, r.Status, r.PaymentStatus, r.PriceCents, r.LateCancellation, r.CheckoutUrl,
                    r.FreeHours ?? BookingPolicy.DefaultFreeCancellationHours));
            }
        }

        return dtos;
    }

    /// <summary>
    /// The upcoming sessions with the location's free-cancellation hours read in the same statement (one round trip),
    /// only the columns the DTO shows: materialising the whole session entity read every column (notes, refund and
    /// checkout ids…) and ran its constructor for each row.
    /// </summary>
    private async ValueTask<IReadOnlyList<UpcomingSession>> ReadUpcomingAsync(Guid memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The people read model is handed over, not its query: building that tree on every call cost as much as the
        // compiled query saved (docs/performance.md); it is built once, when the model's query is compiled.
        var query = UpcomingQueries.GetOrAdd(db.Model, static (_, readModel) => CompileUpcoming(readModel.People), people);
        var rows = new List<UpcomingSession>();
        await foreach (var row in query(db, memberId, now).WithCancellation(cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    // "My upcoming bookings" is the hottest signed-in read, so it is a compiled query: EF Core then skips, on every call,
    // walking the LINQ tree for parameters and hashing it for its query cache (most of what the read cost beyond the
    // round trip, measured in docs/performance.md). Identity's people read model is composed once, when the query is
    // compiled: its tree holds only query roots, and the tenant filter is applied by the context that runs it. One
    // compiled delegate per EF model, because a compiled query binds to the first provider it runs on (ModelCompiledQuery).
    private static readonly ConcurrentDictionary<IModel, Func<DerrimutDbContext, Guid, DateTimeOffset, IAsyncEnumerable<UpcomingSession>>> UpcomingQueries = new();

    private static Func<DerrimutDbContext, Guid, DateTimeOffset, IAsyncEnumerable<UpcomingSession>> CompileUpcoming(IQueryable<PersonRow> peopleQuery) =>
        EF.CompileAsyncQuery((DerrimutDbContext db, Guid memberId, DateTimeOffset now) =>
            (from s in db.Set<PtSession>()
             where s.MemberId == memberId && s.EndsAt > now && (s.Status == BookingStatus.Pending || s.Status == BookingStatus.Confirmed)
             join t in db.Set<Trainer>() on s.TrainerId equals t.Id
             join p in peopleQuery on s.MemberId equals p.UserId into members
             from p in members.DefaultIfEmpty()
             orderby s.StartsAt
             select new UpcomingSession(
                 s.Id, s.TrainerId, t.DisplayName, s.MemberId, p == null ? null : p.DisplayName, s.SessionTypeCode, s.SessionTypeName,
                 s.StartsAt, s.EndsAt, s.Minutes, s.Status, s.PaymentStatus, s.PriceCents, s.LateCancellation, s.CheckoutUrl,
                 db.Set<BookingPolicy>().Select(x => (int?)x.FreeCancellationHours).FirstOrDefault()))
            .Take(50)
            .AsNoTracking());

    public BookingDto ToDto(PtSession s, string trainerName, string? memberName, BookingPolicy policy) =>
        Dto(s.Id, s.TrainerId, trainerName, s.MemberId, memberName, s.SessionTypeCode, s.SessionTypeName, s.StartsAt, s.EndsAt,
            s.Minutes, s.Status, s.PaymentStatus, s.PriceCents, s.LateCancellation, s.CheckoutUrl, policy.FreeCancellationHours);

    private BookingDto Dto(
        Guid id, Guid trainerId, string trainerName, Guid memberId, string? memberName, string sessionTypeCode, string sessionTypeName,
        DateTimeOffset startsAt, DateTimeOffset endsAt, int minutes, BookingStatus status, BookingPaymentStatus paymentStatus,
        long priceCents, bool lateCancellation, string? checkoutUrl, int freeCancellationHours) => new(
        id, trainerId, trainerName, memberId, memberName, sessionTypeCode, sessionTypeName,
        clock.ToLocal(startsAt), clock.ToLocal(endsAt), minutes, status, paymentStatus, priceCents, lateCancellation,
        status == BookingStatus.Pending ? checkoutUrl : null,
        // Only a booking that still holds time can be cancelled, so only it has a free-cancellation deadline.
        PtSession.Holds(status) ? clock.ToLocal(startsAt - TimeSpan.FromHours(freeCancellationHours)) : null);
}
