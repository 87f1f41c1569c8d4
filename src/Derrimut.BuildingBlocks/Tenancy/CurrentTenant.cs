namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>
/// The tenant the current DI scope acts for. Set exactly once per scope (by the resolution middleware or by
/// <see cref="ITenantScopeFactory"/>); there is deliberately no way to change it afterwards: code that must act
/// as another tenant opens a new scope.
/// </summary>
public interface ICurrentTenant
{
    /// <summary>The tenant, or null in platform scope (or before resolution).</summary>
    TenantInfo? Tenant { get; }

    /// <summary>The tenant's id, or null in platform scope.</summary>
    Guid? Id => Tenant?.Id;

    /// <summary>True when no tenant is set: the platform (host) scope, which sees no tenant rows.</summary>
    bool IsPlatform => Tenant is null;

    /// <summary>True once the scope's tenant has been decided.</summary>
    bool IsResolved { get; }
}

/// <summary>The scoped, set-once implementation of <see cref="ICurrentTenant"/>.</summary>
public sealed class CurrentTenant : ICurrentTenant
{
    private TenantInfo? _tenant;
    private int _resolved;

    /// <inheritdoc />
    public TenantInfo? Tenant => _tenant;

    /// <inheritdoc />
    public bool IsResolved => Volatile.Read(ref _resolved) == 1;

    /// <summary>Decides the scope's tenant (null = platform). Throws when called a second time.</summary>
    public void Set(TenantInfo? tenant)
    {
        if (Interlocked.CompareExchange(ref _resolved, 1, 0) != 0)
        {
            throw new InvalidOperationException(
                "The tenant of this scope is already set. Use ITenantScopeFactory to run code as another tenant.");
        }

        _tenant = tenant;
    }
}
