namespace Derrimut.Bookings.Domain.Access;

/// <summary>A door (or turnstile) at a location whose controller asks for decisions.</summary>
internal sealed class Door : ILocationOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Local time the door starts letting members in; null with <see cref="ClosesAt"/> null = 24/7.</summary>
    public TimeOnly? OpensAt { get; set; }

    /// <summary>Local time it stops (may be before <see cref="OpensAt"/> for a window across midnight).</summary>
    public TimeOnly? ClosesAt { get; set; }

    /// <summary>Refuse a second entry by the same member within a short time (a pass-back).</summary>
    public bool AntiPassback { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>True when the door lets members in at local time <paramref name="local"/>.</summary>
    public bool IsOpenAt(TimeOnly local) => (OpensAt, ClosesAt) switch
    {
        (null, null) => true,
        ({ } opens, { } closes) when opens <= closes => local >= opens && local < closes,
        ({ } opens, { } closes) => local >= opens || local < closes,
        ({ } opens, null) => local >= opens,
        (null, { } closes) => local < closes,
    };
}

/// <summary>Every answer given to a door controller, allowed or not.</summary>
internal sealed class DoorDecision : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid DoorId { get; set; }

    /// <summary>The person the credential named, when it named anyone.</summary>
    public Guid? PersonId { get; set; }

    public bool Allowed { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>A visit: a member let in at a desk or a door of this location (the visited gym).</summary>
internal sealed class CheckIn : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The member's home gym (another of the franchise for a multi-club visit).</summary>
    public Guid HomeLocationId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The door, or null for the front desk.</summary>
    public Guid? DoorId { get; set; }

    /// <summary>"desk" or the door's name.</summary>
    public string Place { get; set; } = "";

    /// <summary>The staff member who checked them in at the desk.</summary>
    public Guid? RecordedBy { get; set; }
}
