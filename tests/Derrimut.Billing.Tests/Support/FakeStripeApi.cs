using System.Net;
using Derrimut.Billing.Gateways;
using Derrimut.Billing.Gateways.Stripe;
using Stripe;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Derrimut.Billing.Tests.Support;

/// <summary>A WireMock fake of Stripe's API, with the gateway under test pointed at it.</summary>
internal sealed class FakeStripeApi : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();

    public FakeStripeApi()
    {
        // Stripe.net retries 409/5xx by itself; with retries off, each call is seen exactly once.
        Client = StripeClients.Create(new StripeOptions { SecretKey = "sk_test_platform", ApiBase = _server.Url!, MaxNetworkRetries = 0 });
        Gateway = new StripePaymentGateway(Client, PerGymKeys.Default, TestData.Clock());
    }

    public StripeClient Client { get; }

    public StripePaymentGateway Gateway { get; }

    public IReadOnlyList<IRequestMessage> Requests => [.. _server.LogEntries.Select(e => e.RequestMessage!)];

    public FakeStripeApi Respond(string method, string path, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithHeader("Request-Id", "req_fake").WithBody(json));
        return this;
    }

    public IRequestMessage SingleRequest() => Requests.ShouldHaveSingleItem();

    public void Dispose() => _server.Dispose();

    /// <summary>The form fields of a request body, decoded (Stripe.net sends bracket notation, not JSON).</summary>
    public static Dictionary<string, string> Form(IRequestMessage request)
    {
        var body = request.Body ?? System.Text.Encoding.UTF8.GetString(request.BodyAsBytes ?? []);
        return body.Length == 0
            ? []
            : body.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(
                p => WebUtility.UrlDecode(p[0]), p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : "", StringComparer.Ordinal);
    }

    public static string Header(IRequestMessage request, string name) =>
        request.Headers!.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value.ToString();
}
