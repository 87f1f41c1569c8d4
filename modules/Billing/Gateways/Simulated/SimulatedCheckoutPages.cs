using System.Globalization;
using System.Net;
using System.Text;
using Derrimut.BuildingBlocks.Http;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Billing.Gateways.Simulated;

/// <summary>How the simulated billing day should go.</summary>
/// <param name="PaymentsSucceed">True: every renewal is paid; false: every renewal is declined (past due).</param>
internal sealed record RunBillingDayRequest(bool PaymentsSucceed = true);

/// <summary>What the simulated billing day did.</summary>
/// <param name="Events">The Stripe-shaped events delivered to the gym's webhook, in order (type and id).</param>
internal sealed record BillingDayResult(IReadOnlyList<DeliveredEventDto> Events);

/// <summary>One delivered simulated event.</summary>
internal sealed record DeliveredEventDto(string Id, string Type);

/// <summary>
/// The simulated gateway's pages: the hosted checkout (<c>/billing/simulated/checkout/{id}</c>, plain server-rendered
/// HTML with two form buttons, so it works without JavaScript), and the Development "run billing day" tool (an API
/// endpoint and a form post for the admin page's button).
/// </summary>
internal static class SimulatedCheckoutPages
{
    public const string CheckoutPath = "/billing/simulated/checkout/{id}";
    public const string BillingDayFormPath = "/billing/simulated/billing-day";

    public static void MapCheckout(IEndpointRouteBuilder app)
    {
        app.MapGet(CheckoutPath, ShowAsync).AllowAnonymous().RequireLocation().ExcludeFromDescription();
        // Anyone holding the unguessable checkout link may pay it, as on Stripe; the form is antiforgery-protected.
        app.MapPost(CheckoutPath, SubmitAsync).AllowAnonymous().RequireLocation().RequireRateLimiting(RateLimitPolicies.Writes).ExcludeFromDescription();
    }

    public static void MapBillingDay(IEndpointRouteBuilder app, RouteGroupBuilder billing)
    {
        billing.MapPost("/simulated/billing-day", RunBillingDayAsync)
            .RequireLocation()
            .RequireAuthorization(BillingPermissions.ManageBilling)
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .WithName("RunSimulatedBillingDay")
            .WithSummary("Development: renews every live simulated subscription now (paid or declined), lifting freezes that have ended.");
        app.MapPost(BillingDayFormPath, RunBillingDayFromFormAsync)
            .RequireLocation()
            .RequireAuthorization(BillingPermissions.ManageBilling)
            .RequireRateLimiting(RateLimitPolicies.Writes)
            .ExcludeFromDescription();
    }

    internal static async Task<Ok<BillingDayResult>> RunBillingDayAsync(RunBillingDayRequest? request, ICurrentTenant tenant, SimulatedBilling billing, CancellationToken ct)
    {
        var delivered = await billing.RunBillingDayAsync(tenant.Tenant!.Id, request?.PaymentsSucceed ?? true, ct);
        return TypedResults.Ok(new BillingDayResult([.. delivered.Select(e => new DeliveredEventDto(e.EventId, e.Type))]));
    }

    internal static async Task<RedirectHttpResult> RunBillingDayFromFormAsync([FromForm] string? outcome, ICurrentTenant tenant, SimulatedBilling billing, CancellationToken ct)
    {
        var delivered = await billing.RunBillingDayAsync(tenant.Tenant!.Id, outcome != "decline", ct);
        return TypedResults.Redirect($"/admin?billingDay={delivered.Count.ToString(CultureInfo.InvariantCulture)}");
    }

    internal static async Task<IResult> ShowAsync(string id, HttpContext http, ICurrentTenant tenant, SimulatedBilling billing, IAntiforgery antiforgery, CancellationToken ct)
    {
        var checkout = await billing.FindCheckoutAsync(tenant.Tenant!.Id, id, ct);
        if (checkout is null)
        {
            return Page(404, "Checkout not found", "<p>There is no checkout at this address. It may belong to another gym.</p>");
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        return Page(200, "Pay " + tenant.Tenant.Name, Body(checkout, tenant.Tenant.Name, tokens));
    }

    internal static async Task<IResult> SubmitAsync(string id, [FromForm] string? choice, ICurrentTenant tenant, SimulatedBilling billing, CancellationToken ct)
    {
        var tenantId = tenant.Tenant!.Id;
        var checkout = await billing.FindCheckoutAsync(tenantId, id, ct);
        if (checkout is null)
        {
            return Page(404, "Checkout not found", "<p>There is no checkout at this address.</p>");
        }

        try
        {
            switch (choice)
            {
                case "pay":
                    await billing.PayAsync(tenantId, id, ct);
                    return TypedResults.Redirect(checkout.CompletedRedirectUrl);
                case "decline":
                    await billing.DeclineAsync(tenantId, id, ct);
                    return TypedResults.Redirect(checkout.CancelUrl);
                default:
                    return Page(400, "Choose Pay or Decline", "<p>Press <strong>Pay</strong> or <strong>Decline</strong>.</p>" + BackLink(id));
            }
        }
        catch (ConflictException e)
        {
            return Page(409, "Checkout closed", $"<p>{Encode(e.Message)}</p>" + (checkout.Status == SimulatedCheckoutStatus.Complete
                ? $"<p><a href=\"{Encode(checkout.CompletedRedirectUrl)}\">Continue</a></p>"
                : $"<p><a href=\"{Encode(checkout.CancelUrl)}\">Back to the gym</a></p>"));
        }
    }

    private static string Body(SimulatedCheckout checkout, string gymName, AntiforgeryTokenSet tokens)
    {
        var amount = checkout.Amount;
        var html = new StringBuilder();
        html.Append("<p class=\"sim\" role=\"note\"><strong>Simulated payment.</strong> No card is charged and no money moves.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Encode(gymName)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<h2>{Encode(checkout.Description)}</h2>");
        html.Append("<dl>");
        if (checkout.Plan is { } plan)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>Plan</dt><dd>{Encode(plan.Name)}</dd>");
            html.Append(CultureInfo.InvariantCulture, $"<dt>Then</dt><dd>{Encode(Aud.Format(plan.PriceCents))} {Encode(Every(plan.Interval))}</dd>");
            if (plan.JoiningFeeCents > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<dt>Joining fee</dt><dd>{Encode(Aud.Format(plan.JoiningFeeCents))}</dd>");
            }
        }

        foreach (var line in checkout.Lines ?? [])
        {
            // The same lines Stripe's hosted page lists (line_items).
            html.Append(CultureInfo.InvariantCulture, $"<dt>{Encode(line.Name)} × {line.Quantity}</dt><dd>{Encode(Aud.Format(line.TotalCents))}</dd>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<dt>Due today</dt><dd class=\"total\">{Encode(amount.ToString())}</dd>");
        html.Append(CultureInfo.InvariantCulture, $"<dt>Includes GST</dt><dd>{Encode(Aud.Format(amount.GstCents))}</dd>");
        html.Append("</dl>");
        if (checkout.Status != SimulatedCheckoutStatus.Open)
        {
            html.Append(checkout.Status == SimulatedCheckoutStatus.Complete
                ? $"<p>This checkout has been paid. <a href=\"{Encode(checkout.CompletedRedirectUrl)}\">Continue</a></p>"
                : $"<p>This checkout has ended. <a href=\"{Encode(checkout.CancelUrl)}\">Back to the gym</a></p>");
            return html.ToString();
        }

        html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/billing/simulated/checkout/{Encode(checkout.Id)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"{Encode(tokens.FormFieldName)}\" value=\"{Encode(tokens.RequestToken ?? "")}\">");
        html.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" name=\"choice\" value=\"pay\" class=\"pay\">Pay {Encode(amount.ToString())}</button> ");
        html.Append("<button type=\"submit\" name=\"choice\" value=\"decline\" class=\"decline\">Decline</button>");
        html.Append("</form>");
        return html.ToString();
    }

    private static string Every(BillingInterval interval) => (interval.Unit, interval.Count) switch
    {
        (BillingIntervalUnit.Week, 1) => "every week",
        (BillingIntervalUnit.Week, 2) => "every fortnight",
        (BillingIntervalUnit.Month, 1) => "every month",
        (BillingIntervalUnit.Year, 1) => "every year",
        (var unit, var count) => $"every {count} {unit.ToString().ToLowerInvariant()}s",
    };

    private static string BackLink(string id) => $"<p><a href=\"/billing/simulated/checkout/{Encode(id)}\">Back to the checkout</a></p>";

    private static ContentHttpResult Page(int status, string title, string body) => TypedResults.Content(
        $$"""
        <!DOCTYPE html>
        <html lang="en-AU">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>{{Encode(title)}} · Simulated checkout</title>
        <style>
        body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f;line-height:1.5}
        .sim{background:#fff4ce;border:1px solid #c9a400;padding:.5rem .75rem;border-radius:.25rem}
        dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}.total{font-size:1.25rem;font-weight:700}
        button{font-size:1rem;padding:.6rem 1.2rem;border-radius:.25rem;border:2px solid #1b1b1f;cursor:pointer;margin:.25rem .25rem .25rem 0}
        .pay{background:#0b5cad;color:#fff;border-color:#0b5cad}.decline{background:#fff}
        button:focus-visible,a:focus-visible{outline:3px solid #c9a400;outline-offset:2px}
        </style>
        </head>
        <body><main>
        {{body}}
        </main></body>
        </html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
