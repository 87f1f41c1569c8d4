using Derrimut.Billing.Contracts;
using Derrimut.Billing.Gateways.Simulated;
using Derrimut.Memberships.Contracts;
using Derrimut.Memberships.Domain;
using Derrimut.Web.Tests.Identity;

namespace Derrimut.Web.Tests.Memberships;

/// <summary>
/// Every payment lands on the ledger: a refund of a renewal made straight at the gateway (Stripe's dashboard — here
/// the simulated gateway, which raises the same <c>charge.refunded</c> event carrying only the charge and its payment
/// intent) is matched to the member's renewal through the invoice that payment paid.
/// </summary>
public abstract class DashboardRefundShould(DemoAppFixture fixture)
{
    private const string D = DemoAppFixture.Domain;

    [Fact]
    public async Task PutADashboardRefundOfARenewalOnTheMembersLedger()
    {
        var app = fixture.App;
        var werribee = await app.Services.GetRequiredService<ITenantCatalog>().FindByIdentifierAsync("werribee") ?? throw new InvalidOperationException();
        var member = await app.SignedInAsync($"member@werribee.{D}", "werribee");
        var me = await member.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me");
        var userId = me.GetProperty("id").GetGuid();

        var renewalInvoice = await app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(werribee, async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            var membership = await db.Set<Membership>().SingleAsync(m => m.UserId == userId && m.Status == MembershipStatus.Active, ct);
            await sp.GetRequiredService<ISimulatedPayments>().BillRenewalAsync(werribee.Id, membership.SubscriptionId!, paymentSucceeds: true, ct);
            var renewal = (await db.Set<LedgerEntry>().AsNoTracking().Where(e => e.UserId == userId && e.Kind == LedgerEntryKind.Charge).ToListAsync(ct))
                .OrderByDescending(e => e.OccurredAt).First();
            renewal.PaymentIntentId.ShouldBeNull("a renewal recorded from invoice.paid carries no payment intent");
            return renewal.InvoiceId!;
        });

        await app.Services.GetRequiredService<ITenantScopeFactory>().RunAsync(werribee, async (sp, ct) =>
        {
            // The dashboard refunds the payment itself: no member, no ledger reference, just the payment intent.
            var payment = await sp.GetRequiredService<ISimulatedBillingStore>().FindPaymentAsync(werribee.Id, renewalInvoice, ct) ?? throw new InvalidOperationException();
            await sp.GetRequiredService<IPaymentGateway>().RefundAsync(
                new RefundRequest(werribee.Id, payment.PaymentIntentId, 1000, RefundReason.RequestedByCustomer, $"dashboard:{payment.PaymentIntentId}"), ct);
            return 0;
        });

        var ledger = await member.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/memberships/mine/ledger");
        ledger.EnumerateArray().ShouldContain(l => l.GetProperty("kind").GetString() == "refund" && l.GetProperty("amountCents").GetInt64() == -1000, ledger.ToString());
    }

    [Fact]
    public async Task ShowStaffTheMembersGatewayCustomerAndSubscription()
    {
        var staff = await fixture.App.SignedInAsync(DemoAppFixture.StaffEmail, "st-albans");
        var list = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/memberships?status=active");
        var id = list.GetProperty("items")[0].GetProperty("id").GetGuid();

        var membership = await staff.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/memberships/{id}");

        membership.GetProperty("gatewayCustomerId").GetString()!.ShouldStartWith("cus_");
        membership.GetProperty("gatewaySubscriptionId").GetString()!.ShouldStartWith("sub_");
    }
}

public sealed class DashboardRefundOnSqliteShould(SqliteDemoAppFixture fixture) : DashboardRefundShould(fixture), IClassFixture<SqliteDemoAppFixture>;

public sealed class DashboardRefundOnPostgreSqlShould(PostgresDemoAppFixture fixture) : DashboardRefundShould(fixture), IClassFixture<PostgresDemoAppFixture>;
