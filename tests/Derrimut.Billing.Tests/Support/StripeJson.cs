namespace Derrimut.Billing.Tests.Support;

/// <summary>Response bodies in the shape Stripe's API returns for API version 2026-10-28.endive.</summary>
internal static class StripeJson
{
    public const string CheckoutSessionId = "cs_test_a1UAtXbOPjC2oGZ4DhEpyLd7SfTr9wJyQ0Zl4kPbmN2vXqA8r5Eh6GtBcD";

    public static string CheckoutSession(string mode) => $$"""
        {
          "id": "{{CheckoutSessionId}}",
          "object": "checkout.session",
          "amount_subtotal": 9300,
          "amount_total": 9300,
          "cancel_url": "https://st-albans.derrimut.com.au/memberships",
          "client_reference_id": "{{TestData.Priya}}",
          "created": 1793656800,
          "currency": "aud",
          "customer": null,
          "customer_email": "priya@example.com",
          "expires_at": 1793743200,
          "livemode": false,
          "metadata": {"plan": "no-lock-in", "purpose": "membership", "tenant_id": "{{TestData.StAlbans}}", "user_id": "{{TestData.Priya}}"},
          "mode": "{{mode}}",
          "payment_intent": null,
          "payment_status": "unpaid",
          "status": "open",
          "subscription": null,
          "success_url": "https://st-albans.derrimut.com.au/memberships/welcome?session_id={CHECKOUT_SESSION_ID}",
          "url": "https://checkout.stripe.com/c/pay/{{CheckoutSessionId}}#fidkdWxOYHwnPyd1blpxYHZxWjA0"
        }
        """;

    public static string Subscription(string status = "active", bool cancelAtPeriodEnd = false, long? cancelAt = null, string pauseCollection = "null") => $$"""
        {
          "id": "sub_1QvR2xL8dE4fG5hI",
          "object": "subscription",
          "billing_cycle_anchor": 1793656800,
          "cancel_at": {{(cancelAt is null ? "null" : cancelAt.ToString())}},
          "cancel_at_period_end": {{(cancelAtPeriodEnd ? "true" : "false")}},
          "canceled_at": {{(cancelAt is null && !cancelAtPeriodEnd ? "null" : "1793660400")}},
          "collection_method": "charge_automatically",
          "created": 1793656800,
          "currency": "aud",
          "customer": "cus_RqT5uV6wX7yZ8a",
          "ended_at": {{(status == "canceled" ? "1793660400" : "null")}},
          "items": {
            "object": "list",
            "data": [
              {
                "id": "si_RqT5aB1cD2eF3g",
                "object": "subscription_item",
                "created": 1793656800,
                "current_period_end": 1794866400,
                "current_period_start": 1793656800,
                "metadata": {},
                "price": {"id": "price_1QvR2xL8dE4fG5hI", "object": "price", "currency": "aud", "unit_amount": 4400, "recurring": {"interval": "week", "interval_count": 2} },
                "quantity": 1,
                "subscription": "sub_1QvR2xL8dE4fG5hI"
              }
            ],
            "has_more": false,
            "total_count": 1,
            "url": "/v1/subscription_items?subscription=sub_1QvR2xL8dE4fG5hI"
          },
          "latest_invoice": "in_1QvR2yL8dE4fG5hI",
          "livemode": false,
          "metadata": {"plan": "no-lock-in", "purpose": "membership", "tenant_id": "{{TestData.StAlbans}}", "user_id": "{{TestData.Priya}}"},
          "pause_collection": {{pauseCollection}},
          "start_date": 1793656800,
          "status": "{{status}}"
        }
        """;

    public static string Refund(long amount) => $$"""
        {
          "id": "re_3QvR3aL8dE4fG5hI0x1y2z3a",
          "object": "refund",
          "amount": {{amount}},
          "balance_transaction": "txn_3QvR3aL8dE4fG5hI0a9b8c7d",
          "charge": "ch_3QvR2zL8dE4fG5hI1k2l3m4n",
          "created": 1793660400,
          "currency": "aud",
          "metadata": {"tenant_id": "{{TestData.StAlbans}}"},
          "payment_intent": "pi_3QvR2zL8dE4fG5hI1o2p3q4r",
          "reason": "requested_by_customer",
          "status": "succeeded"
        }
        """;

    public const string InvoicePayments = """
        {
          "object": "list",
          "data": [
            {
              "id": "inpay_1QvR2yL8dE4fG5hI",
              "object": "invoice_payment",
              "amount_paid": 9300,
              "amount_requested": 9300,
              "created": 1793656800,
              "currency": "aud",
              "invoice": "in_1QvR2yL8dE4fG5hI",
              "is_default": true,
              "livemode": false,
              "payment": {"type": "payment_intent", "payment_intent": "pi_3QvR2zL8dE4fG5hI1o2p3q4r"},
              "status": "paid",
              "status_transitions": {"canceled_at": null, "paid_at": 1793656800}
            }
          ],
          "has_more": false,
          "url": "/v1/invoice_payments"
        }
        """;

    public const string CardDeclined = """
        {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds", "message": "Your card has insufficient funds.", "request_log_url": "https://dashboard.stripe.com/test/logs/req_fake"}}
        """;

    public const string NoSuchSubscription = """
        {"error": {"type": "invalid_request_error", "code": "resource_missing", "param": "id", "message": "No such subscription: 'sub_missing'"}}
        """;

    public const string ApiError = """
        {"error": {"type": "api_error", "message": "An unknown error occurred."}}
        """;
}
