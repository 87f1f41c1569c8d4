using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.BuildingBlocks.Http;

/// <summary>
/// A module's source-generated JSON shapes for its endpoints' request and response types, put in front of the HTTP JSON
/// options' reflection resolver. Binding an endpoint asks for the JSON shape of its types, so without them every node
/// built the reflection-based shape of every API type as it started: converters and property accessors created by
/// reflection and emitted IL, ~1,300 methods JIT-compiled on each start even from the precompiled image (decision 0093).
/// The generated shapes are compiled with the module. The options still decide the names, the converters (the
/// NUL-refusing string converter, the enums' own) and everything else; a type no context lists falls back to reflection,
/// and <c>EndpointJsonShould</c> fails when an endpoint's type is not listed.
/// </summary>
public static class EndpointJson
{
    public static IServiceCollection AddEndpointJson(this IServiceCollection services, JsonSerializerContext context) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, context));
}
