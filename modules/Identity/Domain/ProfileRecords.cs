namespace Derrimut.Identity.Domain;

/// <summary>
/// A person's uploaded profile photo: the JPEG the app made from the upload (square, resized, metadata dropped), kept
/// in the database so every node serves it. Platform-owned like the person: one photo for every gym they belong to.
/// </summary>
internal sealed class ProfilePhoto
{
    public Guid UserId { get; set; }

    public byte[] Jpeg { get; set; } = [];

    /// <summary>A short hash of the bytes, put in the served URL so browsers may cache each version for good.</summary>
    public string Version { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Who changed a person's profile (themselves, usually), when, and which fields: never the values.</summary>
internal sealed class ProfileAuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Whose profile changed.</summary>
    public Guid UserId { get; set; }

    /// <summary>Who changed it.</summary>
    public Guid? ActorId { get; set; }

    /// <summary><c>profile-updated</c>, <c>photo-uploaded</c>, <c>photo-removed</c>.</summary>
    public string Action { get; set; } = "";

    public string Detail { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
