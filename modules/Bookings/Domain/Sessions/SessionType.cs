namespace Derrimut.Bookings.Domain.Sessions;

/// <summary>
/// A kind of session a location sells (the original's <c>sessionType</c>): personal training, zumba, yoga, crossfit,
/// cardio, strength, seeded at every location; admins change names, default lengths and prices.
/// </summary>
internal sealed class SessionType : ILocationOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    /// <summary>Stable code on the wire, e.g. <c>personal_training</c> (the original's values).</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public int DefaultMinutes { get; set; }

    /// <summary>Default price, AUD cents, GST included.</summary>
    public long DefaultPriceCents { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The original's six session types with their usual length and price at a Victorian gym.</summary>
    public static IReadOnlyList<(string Code, string Name, int Minutes, long PriceCents)> Defaults { get; } =
    [
        ("personal_training", "Personal training", 60, 8_500),
        ("zumba", "Zumba", 45, 4_000),
        ("yoga", "Yoga", 60, 5_000),
        ("crossfit", "CrossFit", 60, 6_000),
        ("cardio", "Cardio coaching", 30, 4_500),
        ("strength", "Strength coaching", 60, 8_000),
    ];
}

/// <summary>A session type one trainer offers, with their own length and price.</summary>
internal sealed class TrainerOffer : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid TrainerId { get; set; }

    public Guid SessionTypeId { get; set; }

    public int Minutes { get; set; }

    /// <summary>AUD cents, GST included.</summary>
    public long PriceCents { get; set; }
}

/// <summary>A location's booking and cancellation policy (one row per location; defaults until an admin saves one).</summary>
internal sealed class BookingPolicy : ILocationOwned, IAuditable, IVersioned
{
    public const int DefaultFreeCancellationHours = 24;
    public const int DefaultBufferMinutes = 15;
    public const int DefaultNoticeMinutes = 120;

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public int FreeCancellationHours { get; set; } = DefaultFreeCancellationHours;

    public int BufferMinutes { get; set; } = DefaultBufferMinutes;

    public int NoticeMinutes { get; set; } = DefaultNoticeMinutes;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
