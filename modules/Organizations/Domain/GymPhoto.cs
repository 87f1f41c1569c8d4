namespace Derrimut.Organizations.Domain;

/// <summary>
/// A gym's (or franchise's) uploaded photo: the JPEG the app made from the upload (resized, metadata dropped), kept in
/// the database so every node of a cluster serves it. One per organisation; a new upload replaces it.
/// </summary>
internal sealed class GymPhoto
{
    public Guid OrganizationId { get; set; }

    public byte[] Jpeg { get; set; } = [];

    /// <summary>A short hash of the bytes, put in the served URL so browsers may cache each version for good.</summary>
    public string Version { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }
}
