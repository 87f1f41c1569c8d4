using Derrimut.Bookings.Contracts;
using Derrimut.Reporting.Data;

namespace Derrimut.Reporting.Features.Reports;

/// <summary>What the trainers report needs of one PT session.</summary>
internal sealed record SessionFacts(Guid TrainerId, DateTimeOffset StartsAt, int Minutes, BookingStatus Status, BookingPaymentStatus PaymentStatus, long PriceCents);

/// <summary>
/// A trainer's PT sessions and classes counted up. The one rule both the live report and the daily roll-up count
/// sessions with, so a year read from rolled days and the same year read from the sessions cannot differ.
/// </summary>
internal sealed class TrainerTally
{
    public int Delivered { get; private set; }

    public int DeliveredMinutes { get; private set; }

    /// <summary>Minutes of every session not cancelled: what members took of the trainer's time, delivered or not.</summary>
    public int BookedMinutes { get; private set; }

    public int NoShows { get; private set; }

    public int Cancelled { get; private set; }

    /// <summary>What members paid for sessions (sessions included with a membership and refunded ones pay nothing).</summary>
    public long PaidCents { get; private set; }

    public int ClassesTaught { get; set; }

    public void Add(SessionFacts session)
    {
        switch (session.Status)
        {
            case BookingStatus.Completed:
                Delivered++;
                DeliveredMinutes += session.Minutes;
                break;
            case BookingStatus.NoShow:
                NoShows++;
                break;
            case BookingStatus.Cancelled:
                Cancelled++;
                break;
        }

        if (session.Status != BookingStatus.Cancelled)
        {
            BookedMinutes += session.Minutes;
        }

        if (session.PaymentStatus == BookingPaymentStatus.Paid)
        {
            PaidCents += session.PriceCents;
        }
    }

    /// <summary>Adds a rolled-up day (or the sum of many).</summary>
    public void Add(DailyTrainerFigures day)
    {
        Delivered += day.Delivered;
        DeliveredMinutes += day.DeliveredMinutes;
        BookedMinutes += day.BookedMinutes;
        NoShows += day.NoShows;
        Cancelled += day.Cancelled;
        PaidCents += day.PaidCents;
        ClassesTaught += day.ClassesTaught;
    }

    public void CopyTo(DailyTrainerFigures day)
    {
        day.Delivered = Delivered;
        day.DeliveredMinutes = DeliveredMinutes;
        day.BookedMinutes = BookedMinutes;
        day.NoShows = NoShows;
        day.Cancelled = Cancelled;
        day.PaidCents = PaidCents;
        day.ClassesTaught = ClassesTaught;
    }
}

/// <summary>The trainers report's reads of Bookings' records, shared by the live report and the daily roll-up.</summary>
internal static class TrainerFigures
{
    /// <summary>PT sessions starting in [start, end), as the tally needs them (an index range of the gym's sessions).</summary>
    public static IQueryable<SessionFacts> Sessions(IBookingsReadModel bookings, DateTimeOffset start, DateTimeOffset end) =>
        bookings.PtSessions.Where(s => s.StartsAt >= start && s.StartsAt < end)
            .Select(s => new SessionFacts(s.TrainerId, s.StartsAt, s.Minutes, s.Status, s.PaymentStatus, s.PriceCents));

    /// <summary>
    /// Classes each trainer led on each local day from <paramref name="from"/> to <paramref name="to"/>: not cancelled
    /// and already started by <paramref name="now"/> (a class later today has not been taught yet).
    /// </summary>
    public static async Task<List<(DateOnly Day, Guid TrainerId, int Classes)>> ClassesTaughtAsync(
        IBookingsReadModel bookings, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken) =>
        [.. (await bookings.Classes.Where(o => o.LocalDate >= from && o.LocalDate <= to && !o.IsCancelled && o.StartsAt < now)
                .GroupBy(o => new { o.LocalDate, o.TrainerId }).Select(g => new { g.Key.LocalDate, g.Key.TrainerId, Classes = g.Count() })
                .ToListAsync(cancellationToken))
            .Select(c => (c.LocalDate, c.TrainerId, c.Classes))];
}
