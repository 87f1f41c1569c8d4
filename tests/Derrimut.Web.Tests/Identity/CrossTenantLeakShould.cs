using System.Text;
using System.Text.Json;
using Derrimut.BuildingBlocks.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Web.Tests.Identity;

/// <summary>
/// The cross-tenant leak suite: every API endpoint — discovered from the app's endpoint data source, so a new
/// endpoint is covered the day it is mapped — called by every role (all based at st-albans) at the same location,
/// another location of the franchise, a location of another franchise, and the platform host. Each answer must
/// be what the permission matrix says (allowed, or 401/403/404), never a 5xx, and an allowed answer must never
/// carry another gym's people.
/// </summary>
public abstract partial class CrossTenantLeakShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;
    private const string Home = "st-albans";

    private static readonly (string Name, string? Email)[] Callers =
    [
        ("anonymous", null),
        ("member", $"member@st-albans.{D}"),
        ("trainer", $"trainer@st-albans.{D}"),
        ("staff", DemoAppFixture.StaffEmail),
        ("admin", $"admin@st-albans.{D}"),
        ("franchise admin", $"franchise-admin@{D}"),
        ("superadmin", $"superadmin@{D}"),
    ];

    /// <summary>Same location, other location (same franchise), other franchise, platform.</summary>
    private static readonly string[] Hosts = [Home, "werribee", "coburg", "admin"];

    /// <summary>People who belong only to a given gym: their emails must never appear in another gym's answers.</summary>
    private static readonly Dictionary<string, string[]> OnlyAt = new(StringComparer.Ordinal)
    {
        [Home] = [$"member@st-albans.{D}", $"trainer@st-albans.{D}", $"admin@st-albans.{D}", DemoAppFixture.StaffEmail],
        ["werribee"] = [$"member@werribee.{D}", $"trainer@werribee.{D}", $"admin@werribee.{D}"],
        ["coburg"] = [$"admin@coburg.{D}"],
    };

    internal sealed record ApiEndpoint(string Method, string Path, TenantScopeRequirement Scope, bool Anonymous, string? Permission);

    internal static IReadOnlyList<ApiEndpoint> Discover(IServiceProvider services)
    {
        var result = new List<ApiEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api", StringComparison.Ordinal))
            {
                continue;
            }

            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", _ => Guid.NewGuid().ToString());
            var scope = endpoint.Metadata.GetMetadata<TenantScopeMetadata>()?.Requirement ?? TenantScopeRequirement.Any;
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetMetadata<IAuthorizeData>() is null;
            var permission = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                result.Add(new ApiEndpoint(method, path, scope, anonymous, permission));
            }
        }

        return result;
    }

    [Fact]
    public async Task DiscoverEveryApiEndpointIncludingTheKnownOnes()
    {
        var endpoints = Discover(fixture.App.Services);
        endpoints.Select(e => $"{e.Method} {e.Path.Split('/').Take(4).Aggregate((a, b) => a + "/" + b)}").ShouldContain("GET /api/me");
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(14);
        endpoints.ShouldContain(e => e.Permission == "manage:all_organizations");
        endpoints.ShouldContain(e => e.Permission == "manage:organization_users");
    }

    [Fact]
    public async Task AnswerEveryEndpointAsThePermissionMatrixSaysAndNeverLeak()
    {
        var app = fixture.App;
        var endpoints = Discover(app.Services);
        var failures = new List<string>();
        foreach (var (callerName, email) in Callers)
        {
            var client = email is null ? app.ClientFor(Home) : await app.SignedInAsync(email, Home);
            // What the caller may do at each host, as the app itself reports it.
            var access = new Dictionary<string, (bool Member, HashSet<string> Permissions, bool SuperAdmin)>(StringComparer.Ordinal);
            foreach (var host in Hosts)
            {
                var me = email is null ? null : await client.GetAsync(SignedInClients.At(host, "/api/me"));
                if (me?.StatusCode == HttpStatusCode.OK)
                {
                    var json = await me.Content.ReadFromJsonAsync<JsonElement>();
                    access[host] = (host == "admin" || json.GetProperty("roles").GetArrayLength() > 0 || json.GetProperty("isSuperAdmin").GetBoolean(),
                        json.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal),
                        json.GetProperty("isSuperAdmin").GetBoolean());
                }
                else
                {
                    access[host] = (false, [], false);
                }
            }

            foreach (var endpoint in endpoints)
            {
                foreach (var host in Hosts)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), SignedInClients.At(host, endpoint.Path));
                    if (endpoint.Method is "POST" or "PUT" or "PATCH")
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    var body = await response.Content.ReadAsStringAsync();
                    var expected = Expect(endpoint, host, email is not null, access[host]);
                    var label = $"{callerName} {endpoint.Method} {endpoint.Path} at {host}: {status}";

                    if (status >= 500)
                    {
                        failures.Add($"{label} (server error) {body[..Math.Min(body.Length, 200)]}");
                    }
                    else if (expected is { } code && status != code)
                    {
                        failures.Add($"{label}, expected {code}");
                    }
                    else if (expected is null && status is 401 or 403)
                    {
                        failures.Add($"{label}, expected to be allowed");
                    }

                    if (expected is null && status < 300 && host != "admin" && endpoint.Path != "/api/me")
                    {
                        foreach (var (gym, emails) in OnlyAt.Where(o => o.Key != host))
                        {
                            failures.AddRange(emails.Where(e => body.Contains(e, StringComparison.OrdinalIgnoreCase))
                                .Select(e => $"{label} LEAKED {e} of {gym}"));
                        }
                    }
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    /// <summary>The expected status, or null when the call is allowed (any 2xx/4xx other than 401/403).</summary>
    private static int? Expect(ApiEndpoint endpoint, string host, bool signedIn, (bool Member, HashSet<string> Permissions, bool SuperAdmin) access)
    {
        var platformHost = host == "admin";
        if (endpoint.Scope == TenantScopeRequirement.Platform && !platformHost)
        {
            return 404;
        }

        if (endpoint.Scope is TenantScopeRequirement.Tenant or TenantScopeRequirement.Location && platformHost)
        {
            return 404;
        }

        if (endpoint.Anonymous)
        {
            return null;
        }

        if (!signedIn)
        {
            return 401;
        }

        if (access.SuperAdmin)
        {
            return null;
        }

        if (endpoint.Permission is null)
        {
            return access.Member ? null : 403;
        }

        return access.Permissions.Contains(endpoint.Permission) ? null : 403;
    }
}

public sealed class CrossTenantLeakOnSqliteShould(SqliteDemoAppFixture fixture) : CrossTenantLeakShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class CrossTenantLeakOnPostgreSqlShould(PostgresDemoAppFixture fixture) : CrossTenantLeakShould(fixture), IClassFixture<PostgresDemoAppFixture>;
