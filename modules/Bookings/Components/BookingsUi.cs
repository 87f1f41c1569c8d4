using Derrimut.Bookings.Contracts;

namespace Derrimut.Bookings.Components;

/// <summary>How the Bookings pages print money, times and statuses (en-AU, the gym's local time).</summary>
internal static class BookingsUi
{
    public static string Price(long cents) => cents == 0 ? "Included" : (cents / 100m).ToString("C", GymCulture.Australian);

    public static string When(DateTimeOffset local) => local.ToString("ddd d MMM, h:mm tt", GymCulture.Australian);

    public static string Time(DateTimeOffset local) => local.ToString("h:mm tt", GymCulture.Australian);

    public static string Status(BookingStatus status) => status switch
    {
        BookingStatus.Pending => "Awaiting payment",
        BookingStatus.Confirmed => "Confirmed",
        BookingStatus.Cancelled => "Cancelled",
        BookingStatus.Completed => "Completed",
        BookingStatus.NoShow => "No-show",
        _ => status.ToString(),
    };

    public static string Payment(BookingPaymentStatus payment) => payment switch
    {
        BookingPaymentStatus.Pending => "Payment pending",
        BookingPaymentStatus.Paid => "Paid",
        BookingPaymentStatus.Refunded => "Refunded",
        BookingPaymentStatus.IncludedWithMembership => "Included with membership",
        BookingPaymentStatus.Unpaid => "Not paid",
        _ => payment.ToString(),
    };
}
