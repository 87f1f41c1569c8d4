using Microsoft.AspNetCore.Builder;

namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>Which tenant scope an endpoint serves.</summary>
public enum TenantScopeRequirement
{
    /// <summary>Any scope: the endpoint reads <see cref="ICurrentTenant"/> itself.</summary>
    Any,

    /// <summary>Only on a tenant's site (location or franchise).</summary>
    Tenant,

    /// <summary>Only on a location's site.</summary>
    Location,

    /// <summary>Only in platform scope (<c>admin.{root}</c> or the bare root).</summary>
    Platform,
}

/// <summary>Endpoint metadata: the scope an endpoint needs.</summary>
/// <param name="Requirement">The scope.</param>
public sealed record TenantScopeMetadata(TenantScopeRequirement Requirement);

/// <summary>Endpoint metadata: skip tenant resolution entirely (health probes, OpenAPI, static files).</summary>
public sealed class SkipTenantResolutionMetadata
{
    /// <summary>The one instance.</summary>
    public static readonly SkipTenantResolutionMetadata Instance = new();
}

/// <summary>Declares endpoints' tenant needs.</summary>
public static class TenantEndpointConventions
{
    /// <summary>The endpoint only serves tenant sites; platform scope gets 404.</summary>
    public static TBuilder RequireTenant<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TenantScopeMetadata(TenantScopeRequirement.Tenant));

    /// <summary>The endpoint only serves location sites.</summary>
    public static TBuilder RequireLocation<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TenantScopeMetadata(TenantScopeRequirement.Location));

    /// <summary>The endpoint only serves the platform scope; a tenant site gets 404.</summary>
    public static TBuilder RequirePlatformScope<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TenantScopeMetadata(TenantScopeRequirement.Platform));

    /// <summary>The endpoint needs no tenant at all and skips resolution (health, API documents).</summary>
    public static TBuilder SkipTenantResolution<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SkipTenantResolutionMetadata.Instance);
}
