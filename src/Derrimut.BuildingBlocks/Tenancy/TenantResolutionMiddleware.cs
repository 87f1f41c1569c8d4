using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>
/// Decides the request's tenant before authentication: the subdomain first, then the <c>X-Tenant</c> header
/// (only where the host names no tenant, or names the same one). No query-string or cookie resolvers: a link or
/// a stray cookie must never move someone into another gym.
/// <para>
/// A host outside the root domain (an IP address, <c>localhost</c>, somebody else's domain pointed at ours) is
/// refused before any page or endpoint runs, so nothing the app builds or caches can ever be keyed on a name an
/// attacker chose; endpoints that opt out of tenant resolution (health probes, static files) still answer there.
/// The <c>X-Tenant</c> header picks a tenant only for bearer-token calls (integrations whose token is bound to that
/// tenant, checked again by authorization); a browser signed in by cookie gets its gym from the address bar alone.
/// </para>
/// </summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next, IOptions<TenancyOptions> options, ITenantCatalog catalog)
{
    private readonly TenancyOptions _options = options.Value;

    public async Task InvokeAsync(HttpContext context, CurrentTenant currentTenant)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<SkipTenantResolutionMetadata>() is not null)
        {
            await next(context);
            return;
        }

        var match = TenantHost.Parse(context.Request.Host.Host, _options.RootDomain);
        TenantInfo? tenant = null;
        if (match.Kind == HostMatchKind.Outside)
        {
            await ProblemWriter.WriteAsync(context, StatusCodes.Status421MisdirectedRequest, ProblemTypes.ForeignHost, "Not a Derrimut address.",
                $"This server answers only for {_options.RootDomain} and its gyms' sites.");
            return;
        }

        if (match.Kind == HostMatchKind.Invalid)
        {
            await UnknownAsync(context, match.Identifier);
            return;
        }

        if (match.Kind == HostMatchKind.Tenant)
        {
            tenant = await catalog.FindByIdentifierAsync(match.Identifier!, context.RequestAborted);
            if (tenant is null)
            {
                await UnknownAsync(context, match.Identifier);
                return;
            }
        }

        if (context.Request.Headers.TryGetValue(_options.HeaderName, out var headerValues))
        {
            if (headerValues.Count != 1)
            {
                await ProblemWriter.WriteAsync(context, 400, ProblemTypes.ConflictingTenant, "Ambiguous tenant.",
                    $"Send the {_options.HeaderName} header once.");
                return;
            }

            var named = headerValues.ToString().Trim().ToLowerInvariant();
            if (tenant is not null)
            {
                if (!string.Equals(named, tenant.Identifier, StringComparison.Ordinal))
                {
                    await ProblemWriter.WriteAsync(context, 400, ProblemTypes.ConflictingTenant, "Conflicting tenant.",
                        $"This site belongs to '{tenant.Identifier}' but the {_options.HeaderName} header names '{named}'.");
                    return;
                }
            }
            else if (!IsBearerCall(context.Request))
            {
                await ProblemWriter.WriteAsync(context, 400, ProblemTypes.TenantHeaderNeedsBearer, "Open the gym's own site.",
                    $"The {_options.HeaderName} header is for API clients calling with a bearer token; pages and signed-in browsers use the gym's address.");
                return;
            }
            else
            {
                tenant = TenantIdentifier.Validate(named) is null ? await catalog.FindByIdentifierAsync(named, context.RequestAborted) : null;
                if (tenant is null)
                {
                    await UnknownAsync(context, named);
                    return;
                }
            }
        }

        if (tenant is not null && tenant.State != TenantState.Active)
        {
            await (tenant.State == TenantState.Suspended
                ? ProblemWriter.WriteAsync(context, 403, ProblemTypes.TenantSuspended, "This gym's site is suspended.",
                    $"'{tenant.Name}' is currently suspended. Please contact the gym.")
                : ProblemWriter.WriteAsync(context, 403, ProblemTypes.TenantNotOpen, "This gym is not open yet.",
                    $"'{tenant.Name}' is still being set up."));
            return;
        }

        currentTenant.Set(tenant);
        Telemetry.DerrimutTelemetry.TagRequest(tenant?.Id);

        var requirement = metadata?.GetMetadata<TenantScopeMetadata>()?.Requirement ?? TenantScopeRequirement.Any;
        var allowed = requirement switch
        {
            TenantScopeRequirement.Tenant => tenant is not null,
            TenantScopeRequirement.Location => tenant?.IsLocation == true,
            TenantScopeRequirement.Platform => tenant is null,
            _ => true,
        };
        if (!allowed)
        {
            await ProblemWriter.WriteAsync(context, 404, ProblemTypes.WrongScope, "Not available here.",
                requirement == TenantScopeRequirement.Platform
                    ? "This endpoint is served on the platform site only."
                    : "This endpoint is served on a gym's own site only.");
            return;
        }

        await next(context);
    }

    private static bool IsBearerCall(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task UnknownAsync(HttpContext context, string? identifier) =>
        ProblemWriter.WriteAsync(context, 404, ProblemTypes.UnknownTenant, "No gym here.",
            identifier is null ? "This address does not belong to a Derrimut gym." : $"There is no Derrimut gym called '{identifier}'.");
}
