using Derrimut.Bookings.Contracts;

namespace Derrimut.Reporting.Features.Reports;

/// <summary>One class name's runs on one local day: places, bookings, and how its booked members turned out.</summary>
internal sealed record ClassDayFigures(DateOnly Day, string Name, int Runs, int Capacity, int Booked, int Waitlisted, int NoShows, int Attended);

/// <summary>
/// The attendance report's class figures, by the class's own local date and name (cancelled classes left out): the one
/// query both the live report and the daily roll-up read, so the two cannot count differently.
/// </summary>
internal static class ClassFigures
{
    public static async Task<List<ClassDayFigures>> BetweenAsync(IBookingsReadModel bookings, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var classes = bookings.Classes.Where(o => o.LocalDate >= from && o.LocalDate <= to && !o.IsCancelled);
        var runs = await classes.GroupBy(o => new { o.LocalDate, o.Name })
            .Select(g => new { g.Key.LocalDate, g.Key.Name, Runs = g.Count(), Capacity = g.Sum(o => o.Capacity), Booked = g.Sum(o => o.BookedCount) })
            .ToListAsync(cancellationToken);
        var outcomes = (await (
                    from b in bookings.ClassBookings
                    join o in classes on b.OccurrenceId equals o.Id
                    group b by new { o.LocalDate, o.Name } into g
                    select new
                    {
                        g.Key.LocalDate, g.Key.Name,
                        Waitlisted = g.Count(b => b.Status == ClassBookingStatus.Waitlisted),
                        NoShows = g.Count(b => b.Status == ClassBookingStatus.Booked && b.NoShow),
                        Attended = g.Count(b => b.Status == ClassBookingStatus.Booked && b.CheckedIn),
                    })
                .ToListAsync(cancellationToken))
            .ToDictionary(o => (o.LocalDate, o.Name));
        return [.. runs.Select(r =>
        {
            var more = outcomes.GetValueOrDefault((r.LocalDate, r.Name));
            return new ClassDayFigures(r.LocalDate, r.Name, r.Runs, r.Capacity, r.Booked, more?.Waitlisted ?? 0, more?.NoShows ?? 0, more?.Attended ?? 0);
        })];
    }
}
