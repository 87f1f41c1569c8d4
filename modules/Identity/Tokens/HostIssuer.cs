using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;

namespace Derrimut.Identity.Tokens;

/// <summary>
/// Each site that signs people in is its own OpenID Connect issuer (decision 0061): <c>https://st-albans.{root}/</c>
/// for a location, <c>https://admin.{root}/</c> for the platform. A standard relying party compares the discovery
/// document's <c>issuer</c> with the address it discovered from, so one issuer for every host broke them all.
/// <para>
/// The issuer is built from configuration (<see cref="TenancyOptions.PublicScheme"/>, <see cref="TenancyOptions.RootDomain"/>,
/// <see cref="TenancyOptions.PublicPort"/>) and the tenant the request resolved to — never echoed from the
/// <c>Host</c> header (foreign hosts are refused before this runs, decision 0048). A bearer call that names its gym by
/// <c>X-Tenant</c> on the platform host is judged against that gym's issuer, so the header moves the call, never a right.
/// </para>
/// </summary>
internal static class HostIssuer
{
    /// <summary>The issuer of the site this request is for, with a trailing slash.</summary>
    public static Uri For(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<TenancyOptions>>().Value;
        var tenant = http.RequestServices.GetRequiredService<ICurrentTenant>().Tenant;
        var root = options.RootDomain.ToLowerInvariant();
        string host;
        if (tenant is not null)
        {
            host = $"{tenant.Identifier}.{root}";
        }
        else
        {
            // Platform scope: the bare root or one of the fixed platform labels; anything else (a probe by IP that
            // skipped resolution) is given the platform site's issuer, which no token of a gym carries.
            var requested = http.Request.Host.Host.TrimEnd('.').ToLowerInvariant();
            host = requested == root
                ? root
                : TenantIdentifier.PlatformLabels.FirstOrDefault(label => requested == $"{label}.{root}") is { } label
                    ? $"{label}.{root}"
                    : $"admin.{root}";
        }

        var port = options.PublicPort is { } p ? $":{p}" : "";
        return new Uri($"{options.PublicScheme}://{host}{port}{http.Request.PathBase}/", UriKind.Absolute);
    }

    /// <summary>Replaces the request-derived base and request URIs with the configured ones, keeping path and query.</summary>
    public static (Uri BaseUri, Uri RequestUri) Rebase(HttpRequest request)
    {
        var issuer = For(request.HttpContext);
        var relative = (request.Path.ToUriComponent() + request.QueryString.ToUriComponent()).TrimStart('/');
        return (issuer, new Uri(issuer, relative));
    }
}

/// <summary>The authorization server's view of the request: its issuer (tokens, discovery, endpoints) is this site's.</summary>
internal sealed class ServerIssuerFromSite : IOpenIddictServerHandler<OpenIddictServerEvents.ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessRequestContext>()
            .AddFilter<OpenIddictServerAspNetCoreHandlerFilters.RequireHttpRequest>()
            .UseSingletonHandler<ServerIssuerFromSite>()
            .SetOrder(OpenIddictServerAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictServerEvents.ProcessRequestContext context)
    {
        if (context.Transaction.GetHttpRequest() is { } request)
        {
            (context.BaseUri, context.RequestUri) = HostIssuer.Rebase(request);
        }

        return default;
    }
}

/// <summary>The token validator's view: only tokens whose issuer is this site's are accepted here.</summary>
internal sealed class ValidationIssuerFromSite : IOpenIddictValidationHandler<OpenIddictValidationEvents.ProcessRequestContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<OpenIddictValidationEvents.ProcessRequestContext>()
            .AddFilter<OpenIddictValidationAspNetCoreHandlerFilters.RequireHttpRequest>()
            .UseSingletonHandler<ValidationIssuerFromSite>()
            .SetOrder(OpenIddictValidationAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(OpenIddictValidationEvents.ProcessRequestContext context)
    {
        if (context.Transaction.GetHttpRequest() is { } request)
        {
            (context.BaseUri, context.RequestUri) = HostIssuer.Rebase(request);
        }

        return default;
    }
}

/// <summary>
/// A franchise's own site is where nobody signs in (decision 0061: an issuer per site that signs people in), so it
/// publishes no discovery document and no signing keys: a relying party pointed at it must fail at discovery rather
/// than trust an issuer that can never sign anyone in. Locations and the platform site keep theirs.
/// </summary>
internal sealed class NoIssuerAtAFranchiseSite : IOpenIddictServerHandler<OpenIddictServerEvents.ProcessRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.ProcessRequestContext>()
            .AddFilter<OpenIddictServerAspNetCoreHandlerFilters.RequireHttpRequest>()
            .UseSingletonHandler<NoIssuerAtAFranchiseSite>()
            .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.ProcessRequestContext context)
    {
        if (context.EndpointType is not (OpenIddictServerEndpointType.Configuration or OpenIddictServerEndpointType.JsonWebKeySet)
            || context.Transaction.GetHttpRequest() is not { } request
            || request.HttpContext.RequestServices.GetRequiredService<ICurrentTenant>().Tenant is not { Kind: TenantKind.Franchise })
        {
            return;
        }

        await ProblemWriter.WriteAsync(request.HttpContext, StatusCodes.Status404NotFound, ProblemTypes.WrongScope, "Not available here.",
            "A franchise's own site signs nobody in, so it is no OpenID Connect issuer; use a location's site or the platform site.");
        context.HandleRequest();
    }
}
