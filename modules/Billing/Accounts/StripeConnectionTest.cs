using Derrimut.Billing.Gateways;
using Derrimut.Billing.Gateways.Stripe;
using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Stripe;

namespace Derrimut.Billing.Accounts;

/// <summary>What a live call to Stripe with the gym's key said.</summary>
/// <param name="Succeeded">Stripe accepted the key.</param>
/// <param name="Message">What to tell the admin: the account's mode, or Stripe's own error.</param>
/// <param name="LiveMode">Live (true) or test (false) keys, when Stripe answered.</param>
internal sealed record StripeConnectionTestDto(bool Succeeded, string Message, bool? LiveMode);

/// <summary>
/// Tests the Stripe keys this gym uses (its own, else its franchise's, else the platform's) with a live call to
/// Stripe's balance endpoint (<c>GET /v1/balance</c>: read-only, allowed for restricted keys with balance read).
/// Stripe's refusal is the answer, not an error: the admin sees Stripe's message.
/// </summary>
internal sealed class StripeConnectionTester(IStripeKeyResolver keys, IOptions<BillingOptions> options, IServiceProvider services)
{
    public async Task<StripeConnectionTestDto> HandleAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        StripeAccountKeys account;
        try
        {
            account = await keys.ResolveAsync(tenantId, cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            return new StripeConnectionTestDto(false, ex.Message, null);
        }

        if (account.SecretKey is null)
        {
            return new StripeConnectionTestDto(false, "No Stripe secret key is set for this gym, its franchise or the platform.", null);
        }

        // The registered client when Stripe is the gateway; otherwise one for this call, pointed at the same API base.
        var client = services.GetService<StripeClient>() ?? StripeClients.Create(options.Value.Stripe);
        try
        {
            var balance = await new BalanceService(client).GetAsync(new RequestOptions { ApiKey = account.SecretKey }, cancellationToken);
            return new StripeConnectionTestDto(true, balance.Livemode ? "Connected to Stripe with live keys." : "Connected to Stripe with test keys.", balance.Livemode);
        }
        catch (StripeException ex)
        {
            return new StripeConnectionTestDto(false, $"Stripe refused the key: {ex.StripeError?.Message ?? ex.Message}", null);
        }
        catch (HttpRequestException)
        {
            return new StripeConnectionTestDto(false, "Stripe could not be reached; try again shortly.", null);
        }
    }
}

/// <summary>Where Stripe sends this gym's events, built from configuration (never from the request's Host header).</summary>
internal static class StripeWebhookUrls
{
    public static string For(TenantInfo tenant, ISiteAddresses sites) =>
        sites.ForTenant(tenant.Identifier, Webhooks.WebhookEndpoints.Path).ToString();
}

/// <summary><c>POST /api/billing/stripe-account/test</c>.</summary>
internal static class StripeConnectionTestEndpoint
{
    public static void Map(RouteGroupBuilder billing) =>
        billing.MapPost("/stripe-account/test", (ICurrentTenant tenant, StripeConnectionTester tester, CancellationToken ct) => tester.HandleAsync(tenant.Tenant!.Id, ct))
            .RequireTenant()
            .RequireAuthorization(BillingPermissions.ManageBilling)
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithName("TestStripeAccount").WithSummary("Calls Stripe's balance endpoint with this gym's key and reports success or Stripe's error.");
}
