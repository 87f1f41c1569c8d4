namespace Derrimut.Bookings.Domain.Trainers;

/// <summary>
/// A trainer at one location: the person (an Identity user holding the trainer role there) as members see them.
/// Every commitment of their time — a PT session, a class they lead — goes into the shared calendar
/// (<see cref="Calendar.CalendarBlock"/>), which refuses overlaps in the database.
/// </summary>
internal sealed class Trainer : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>The person (Identity user id) who is this trainer; one trainer profile per person per location.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The name members see.</summary>
    public string DisplayName { get; set; } = "";

    public string? Bio { get; set; }

    /// <summary>Specialties as shown on the profile, e.g. "strength; rehab" (free text, one per line or separated).</summary>
    public string? Specialties { get; set; }

    /// <summary>Certificates and registrations, e.g. "Cert IV in Fitness; AUSactive registered".</summary>
    public string? Qualifications { get; set; }

    /// <summary>False hides the trainer from members (left the gym, on long leave); their history stays.</summary>
    public bool IsListed { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
