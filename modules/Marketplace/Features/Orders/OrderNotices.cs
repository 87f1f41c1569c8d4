using Derrimut.BuildingBlocks.Email;
using Derrimut.Identity.Contracts;

namespace Derrimut.Marketplace.Features.Orders;

/// <summary>
/// Emails about the shop: every order status change to the member, and a low-stock warning to the gym's shop email.
/// Sent after the change is saved; a mail failure is logged, never undoes the change.
/// </summary>
internal sealed class OrderNotices(IEmailSender email, IPeopleReadModel people, ICurrentTenant tenant, ShopSettingsReader settings, ILogger<OrderNotices> logger)
{
    public async Task StatusChangedAsync(Guid userId, string orderNumber, OrderStatus status, string? carrier, string? tracking, CancellationToken cancellationToken)
    {
        var person = await people.People.Where(p => p.UserId == userId).Select(p => new { p.Email, p.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (person is null || string.IsNullOrEmpty(person.Email))
        {
            return;
        }

        var gym = tenant.Tenant?.Name ?? "your gym";
        var (subject, body) = status switch
        {
            OrderStatus.Confirmed => ($"Order {orderNumber} confirmed", $"Thanks! We have your payment for order {orderNumber} at {gym}."),
            OrderStatus.Processing => ($"Order {orderNumber} is being packed", $"{gym} is packing your order {orderNumber}."),
            OrderStatus.Shipped => ($"Order {orderNumber} has shipped", $"Your order {orderNumber} is on its way with {carrier}. Tracking number: {tracking}."),
            OrderStatus.ReadyForCollection => ($"Order {orderNumber} is ready to collect", $"Your order {orderNumber} is waiting for you at the front desk of {gym}."),
            OrderStatus.Delivered => ($"Order {orderNumber} delivered", $"Your order {orderNumber} has been delivered."),
            OrderStatus.Collected => ($"Order {orderNumber} collected", $"You collected order {orderNumber}. Enjoy!"),
            OrderStatus.Cancelled => ($"Order {orderNumber} cancelled", $"Order {orderNumber} was cancelled; nothing was charged."),
            OrderStatus.Refunded => ($"Order {orderNumber} refunded", $"Order {orderNumber} has been refunded in full."),
            _ => ($"Order {orderNumber} updated", $"Your order {orderNumber} changed."),
        };
        await SendAsync(new EmailMessage(person.Email, person.DisplayName, subject, $"Hi {person.DisplayName},\n\n{body}\n\n{gym}"), cancellationToken);
    }

    public async Task RefundedAsync(Guid userId, string orderNumber, long amountCents, CancellationToken cancellationToken)
    {
        var person = await people.People.Where(p => p.UserId == userId).Select(p => new { p.Email, p.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        if (person is { Email.Length: > 0 })
        {
            await SendAsync(new EmailMessage(person.Email, person.DisplayName, $"Refund for order {orderNumber}",
                $"Hi {person.DisplayName},\n\nWe have refunded {Aud.Format(amountCents)} for order {orderNumber}. It can take a few days to reach your card."), cancellationToken);
        }
    }

    public async Task LowStockAsync(IReadOnlyList<(string Title, string Sku, int Available)> rows, CancellationToken cancellationToken)
    {
        var to = await settings.LowStockEmailAsync(cancellationToken);
        if (rows.Count == 0 || string.IsNullOrEmpty(to))
        {
            return;
        }

        var lines = string.Join("\n", rows.Select(r => $"- {r.Title} ({r.Sku}): {r.Available} left"));
        await SendAsync(new EmailMessage(to, null, $"Low stock at {tenant.Tenant?.Name}", $"These are running low:\n\n{lines}\n\nReceive stock on the shop's stock page."), cancellationToken);
    }

    private async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await email.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Shop email '{Subject}' could not be sent", message.Subject);
        }
    }
}
