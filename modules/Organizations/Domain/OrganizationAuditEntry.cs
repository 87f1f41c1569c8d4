namespace Derrimut.Organizations.Domain;

/// <summary>
/// One change to a franchise's or location's profile: who, when and which fields. Platform-owned like
/// <see cref="Organization"/> (no tenant filter); written in the same unit of work as the change it records.
/// </summary>
internal sealed class OrganizationAuditEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid? ActorId { get; set; }

    public string Action { get; set; } = "";

    public string Detail { get; set; } = "";

    public DateTimeOffset At { get; set; }
}
