using Microsoft.Extensions.Options;

namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>
/// Absolute addresses of the platform's sites, built from configuration (<see cref="TenancyOptions.PublicScheme"/>,
/// <see cref="TenancyOptions.RootDomain"/>, <see cref="TenancyOptions.PublicPort"/>) and a tenant's identifier —
/// never from the request's <c>Host</c> header, which a caller controls: a password-reset or checkout link built from
/// it could point a member at an attacker's site.
/// </summary>
public interface ISiteAddresses
{
    /// <summary>A location's or franchise's site, e.g. <c>https://st-albans.derrimut.com.au/member</c>.</summary>
    /// <param name="tenantIdentifier">The tenant's identifier (its subdomain label).</param>
    /// <param name="pathAndQuery">A path from the site's root, with or without a leading slash; may carry a query.</param>
    Uri ForTenant(string tenantIdentifier, string pathAndQuery = "/");

    /// <summary>The platform's own site (<c>admin.{root}</c>), where superadmins work.</summary>
    Uri ForPlatform(string pathAndQuery = "/");

    /// <summary>
    /// The site of the scope's tenant (<see cref="ICurrentTenant"/>), or the platform's when the scope has none.
    /// </summary>
    Uri ForCurrentSite(string pathAndQuery = "/");
}

/// <summary>The configuration-built <see cref="ISiteAddresses"/>; scoped because it reads the scope's tenant.</summary>
internal sealed class SiteAddresses(IOptions<TenancyOptions> options, ICurrentTenant tenant) : ISiteAddresses
{
    public Uri ForTenant(string tenantIdentifier, string pathAndQuery = "/")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantIdentifier);
        if (TenantIdentifier.Validate(tenantIdentifier) is { } problem)
        {
            throw new ArgumentException(problem, nameof(tenantIdentifier));
        }

        return Build($"{tenantIdentifier}.{options.Value.RootDomain}", pathAndQuery);
    }

    public Uri ForPlatform(string pathAndQuery = "/") => Build($"admin.{options.Value.RootDomain}", pathAndQuery);

    public Uri ForCurrentSite(string pathAndQuery = "/") =>
        tenant.Tenant is { } current ? ForTenant(current.Identifier, pathAndQuery) : ForPlatform(pathAndQuery);

    private Uri Build(string host, string pathAndQuery)
    {
        var settings = options.Value;
        var port = settings.PublicPort is { } p ? $":{p}" : "";
        var path = pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery;
        return new Uri($"{settings.PublicScheme}://{host.ToLowerInvariant()}{port}{path}", UriKind.Absolute);
    }
}
