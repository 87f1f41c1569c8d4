using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Derrimut.Web.Tests.Operations;

/// <summary>
/// Every type an endpoint reads from a body or writes as its response gets its JSON shape from its module's
/// source-generated context, not from reflection (decision 0093): binding the endpoints asks for all of them as a node
/// starts, and the reflection-built shapes were ~1,300 methods JIT-compiled on every start. A new endpoint whose types
/// its module's <c>*EndpointJson</c> does not list fails here, by name.
/// </summary>
public sealed class EndpointJsonShould(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public void GiveEveryEndpointsTypesTheirGeneratedShape()
    {
        var options = fixture.App.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var types = EndpointTypes(fixture.App.Services);
        types.Count.ShouldBeGreaterThan(100, "the endpoints' request and response types (158 when this test was written)");

        var fromReflection = types
            .Where(t => options.GetTypeInfo(t).OriginatingResolver is not JsonSerializerContext)
            .Select(t => t.FullName)
            .Order(StringComparer.Ordinal)
            .ToArray();

        fromReflection.ShouldBeEmpty("add these to their module's *EndpointJson context");
    }

    [Fact]
    public void KeepTheOptionsConvertersOverGeneratedShapes()
    {
        // The generated shapes come first, but the options still decide: a NUL character in any text is refused while
        // the body is read (the kernel's converter), and enums are written by the names they give their members.
        var options = fixture.App.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        var profileUpdate = EndpointTypes(fixture.App.Services).Single(t => t.FullName == "Derrimut.Identity.Features.Profile.UpdateProfileRequest");
        options.GetTypeInfo(profileUpdate).OriginatingResolver.ShouldBeAssignableTo<JsonSerializerContext>();
        var refused = Should.Throw<JsonException>(() => JsonSerializer.Deserialize("""{"displayName":"a\u0000b"}""", profileUpdate, options));
        refused.Path.ShouldBe("$.displayName");

        var written = JsonSerializer.Serialize(Derrimut.Memberships.Contracts.MembershipStatus.PastDue, options);
        written.ShouldBe("\"past_due\"");
    }

    private static HashSet<Type> EndpointTypes(IServiceProvider services)
    {
        var types = new HashSet<Type>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            foreach (var accepts in endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>())
            {
                if (accepts.RequestType is { } type && type != typeof(JsonElement))
                {
                    types.Add(type);
                }
            }

            foreach (var produces in endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>())
            {
                if (produces.Type is { } type && type != typeof(void) && IsOurs(type))
                {
                    types.Add(type);
                }
            }
        }

        return types;
    }

    /// <summary>Our types and collections of them; the framework's own (problem details) come from its own contexts.</summary>
    private static bool IsOurs(Type type) =>
        type.Assembly.GetName().Name!.StartsWith("Derrimut.", StringComparison.Ordinal)
        || type.GenericTypeArguments.Any(IsOurs);
}
