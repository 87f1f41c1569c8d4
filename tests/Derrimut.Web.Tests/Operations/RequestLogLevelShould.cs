using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace Derrimut.Web.Tests.Operations;

/// <summary>
/// The request log's levels: the proxy's health probes (every second or two, on every node, 503 while a node warms up
/// or drains) are Debug, never an Information line per probe nor an error per deployment; every other request keeps
/// Serilog's default (Error from 500 or on an exception, otherwise Information).
/// </summary>
public sealed class RequestLogLevelShould
{
    [Theory]
    [InlineData("/health/ready", 200, LogEventLevel.Debug)]
    [InlineData("/health/ready", 503, LogEventLevel.Debug)]
    [InlineData("/health/live", 200, LogEventLevel.Debug)]
    [InlineData("/HEALTH/Ready", 503, LogEventLevel.Debug)]
    [InlineData("/api/memberships/mine", 200, LogEventLevel.Information)]
    [InlineData("/api/memberships/mine", 404, LogEventLevel.Information)]
    [InlineData("/api/memberships/mine", 500, LogEventLevel.Error)]
    [InlineData("/healthy-habits", 503, LogEventLevel.Error)]
    [InlineData("/webhooks/stripe", 503, LogEventLevel.Error)]
    public void LogHealthProbesAtDebugAndEverythingElseAsBefore(string path, int status, LogEventLevel expected)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        http.Response.StatusCode = status;

        WebHostSetup.RequestLogLevel(http, 3.0, exception: null).ShouldBe(expected);
    }

    [Fact]
    public void LogAProbeThatThrowsAsAnError()
    {
        var http = new DefaultHttpContext();
        http.Request.Path = "/health/ready";
        http.Response.StatusCode = 200;

        WebHostSetup.RequestLogLevel(http, 3.0, new InvalidOperationException("probe failed")).ShouldBe(LogEventLevel.Error);
    }
}
