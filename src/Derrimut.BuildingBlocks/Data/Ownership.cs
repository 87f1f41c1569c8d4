namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// A row owned by one gym location. The <c>tenant</c> query filter hides it everywhere else, and saving stamps
/// <see cref="TenantId"/> and <see cref="FranchiseId"/> from the current scope (and refuses any other owner).
/// Unique indexes on such rows must include <see cref="TenantId"/>.
/// </summary>
public interface ILocationOwned
{
    /// <summary>The owning location's tenant id.</summary>
    Guid TenantId { get; set; }

    /// <summary>The location's franchise (denormalised so franchise reports need no join).</summary>
    Guid FranchiseId { get; set; }
}

/// <summary>A row owned by a franchise (visible to the franchise and to its locations).</summary>
public interface IFranchiseOwned
{
    /// <summary>The owning franchise's tenant id.</summary>
    Guid FranchiseId { get; set; }
}

/// <summary>A row that is hidden rather than deleted (the <c>soft-delete</c> filter).</summary>
public interface ISoftDeletable
{
    /// <summary>True once deleted.</summary>
    bool IsDeleted { get; set; }

    /// <summary>When it was deleted (UTC).</summary>
    DateTimeOffset? DeletedAt { get; set; }
}

/// <summary>A row that records when it was created and last changed (UTC), stamped on save.</summary>
public interface IAuditable
{
    /// <summary>Creation time (UTC).</summary>
    DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last change (UTC).</summary>
    DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An aggregate people edit: optimistic concurrency on <see cref="Version"/>, bumped on every save.</summary>
public interface IVersioned
{
    /// <summary>Incremented on each save; a stale version fails the save with a 409.</summary>
    long Version { get; set; }
}

/// <summary>Names of the data filters, for <c>IgnoreQueryFilters([...])</c>.</summary>
public static class DataFilters
{
    /// <summary>Hides rows owned by other tenants.</summary>
    public const string Tenant = "tenant";

    /// <summary>Hides soft-deleted rows.</summary>
    public const string SoftDelete = "soft-delete";
}
