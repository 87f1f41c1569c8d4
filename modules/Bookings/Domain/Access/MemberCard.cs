namespace Derrimut.Bookings.Domain.Access;

/// <summary>
/// A member card number at this location: what a door reader (or the desk's card scanner) sends instead of a QR code.
/// One card per member per location and a number names one member per location (both unique indexes); cards are a
/// location's own hardware, so another gym of the franchise does not read this gym's numbers.
/// </summary>
internal sealed class MemberCard : ILocationOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>Digits and letters as the reader sends them (trimmed, upper case).</summary>
    public string CardNumber { get; set; } = "";

    /// <summary>The staff member who assigned it.</summary>
    public Guid? AssignedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
