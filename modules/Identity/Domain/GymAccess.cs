namespace Derrimut.Identity.Domain;

/// <summary>A person's access of one location, with the roles they hold there.</summary>
internal sealed class LocationAccess : ILocationOwned, IAuditable, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public Guid UserId { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>False once an admin deactivated the person here: the access check then refuses them.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>
    /// The name the inviting admin typed, kept while an invited login that already existed (known at another gym, or
    /// invited elsewhere) has not yet come to this gym: until then the gym sees only what it typed, never the name the
    /// person goes by elsewhere. Cleared on the person's first signed-in request here (decision 0065).
    /// </summary>
    public string? InvitedName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>A person's access of a franchise (franchise admins): it covers every location of the franchise.</summary>
internal sealed class FranchiseAccess : IFranchiseOwned, IAuditable
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid FranchiseId { get; set; }

    public Guid UserId { get; set; }

    public List<string> Roles { get; set; } = [];

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A location admin's change to the default grants: a role gains or loses a permission at this gym.</summary>
internal sealed class PermissionGrant : ILocationOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TenantId { get; set; }

    public Guid FranchiseId { get; set; }

    public string Role { get; set; } = "";

    public string Permission { get; set; } = "";

    /// <summary>True adds the permission to the role here; false takes a default away.</summary>
    public bool IsGranted { get; set; }
}
