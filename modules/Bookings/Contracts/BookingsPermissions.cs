namespace Derrimut.Bookings.Contracts;

/// <summary>
/// The permissions the Bookings module declares. Managing trainers (<c>manage:trainers</c>), a trainer's own
/// schedule (<c>view:own_schedule</c>) and their clients (<c>view:clients</c>) were declared by Identity first and
/// keep their names there.
/// </summary>
public static class BookingsPermissions
{
    /// <summary>A member books, pays for and cancels their own PT sessions.</summary>
    public const string ManageOwnBookings = "manage:own_bookings";

    /// <summary>A trainer sets their own weekly hours and dated exceptions.</summary>
    public const string ManageOwnAvailability = "manage:own_availability";

    /// <summary>A trainer sees what their delivered sessions earn.</summary>
    public const string ViewOwnEarnings = "view:own_earnings";

    /// <summary>Front desk and admins book, cancel and look up sessions on members' behalf.</summary>
    public const string ManageBookings = "manage:bookings";
}
