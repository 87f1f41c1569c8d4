using Derrimut.Bookings.Contracts;

namespace Derrimut.Bookings.Domain.Classes;

/// <summary>A kind of class a location runs, e.g. "Vinyasa yoga, 60 min, 20 spots, studio 1, all levels".</summary>
internal sealed class ClassType : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public int DurationMinutes { get; set; }

    /// <summary>Spots in each class of this type (a class may be given its own when scheduled).</summary>
    public int Capacity { get; set; }

    public string Room { get; set; } = "";

    public ClassLevel Level { get; set; } = ClassLevel.AllLevels;

    /// <summary>False once the gym stops running it; its past classes stay.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
