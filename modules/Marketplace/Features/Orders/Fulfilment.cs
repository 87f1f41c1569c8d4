using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Orders;

/// <summary>Body of <c>POST /api/shop/admin/orders/{id}/status</c>. Shipping needs the carrier and tracking number.</summary>
internal sealed record ChangeOrderStatusRequest(string? Status, string? Carrier, string? TrackingNumber) : IValidatable
{
    public OrderStatus? Parsed => Enum.TryParse<OrderStatus>(Status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;

    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(Parsed is null, "status", "Unknown order status.")
            .MaxLength(Carrier, "carrier", 60)
            .MaxLength(TrackingNumber, "trackingNumber", 60);
    }
}

/// <summary>One line to refund and how many of it.</summary>
internal sealed record RefundLineRequest(Guid? LineId, int? Quantity);

/// <summary>
/// Body of <c>POST /api/shop/admin/orders/{id}/refunds</c>: no lines = everything not yet refunded (shipping
/// included); <c>restock</c> puts the goods back on the shelf, otherwise they are written off.
/// </summary>
internal sealed record RefundOrderRequest(IReadOnlyList<RefundLineRequest>? Lines, bool Restock, string? Note) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.MaxLength(Note, "note", 200);
        for (var i = 0; i < (Lines?.Count ?? 0); i++)
        {
            errors.AddIf(Lines![i].LineId is null, $"lines[{i}].lineId", "Choose the line to refund.")
                .AddIf(Lines[i].Quantity is null or < 1, $"lines[{i}].quantity", "Refund at least one.");
        }
    }
}

/// <summary>Staff move orders along (packed, shipped with tracking, ready, collected) and refund them through the gateway.</summary>
internal sealed class FulfilmentHandler(
    DerrimutDbContext db, IPaymentGateway gateway, ICurrentTenant tenant, StockLedger ledger, OrderNotices notices, OrderLiveNotices live, IPeopleReadModel people, TimeProvider time)
{
    public async Task<OrderDto> ChangeStatusAsync(Guid orderId, ChangeOrderStatusRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var order = await db.Set<Order>().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new NotFoundException("No such order.");
        var to = request.Parsed!.Value;
        if (!OrderFlow.CanMove(order.Status, to, order.Delivery))
        {
            throw new ValidationException("status", $"An order that is {order.Status} cannot become {to}.");
        }

        if (to == OrderStatus.Shipped)
        {
            new ValidationErrors().Required(request.Carrier, "carrier", 60).Required(request.TrackingNumber, "trackingNumber", 60).ThrowIfAny();
        }

        order.Status = to;
        if (to == OrderStatus.Shipped)
        {
            order.Carrier = request.Carrier!.Trim();
            order.TrackingNumber = request.TrackingNumber!.Trim();
        }

        await SaveAsync(cancellationToken);
        await notices.StatusChangedAsync(order.UserId, order.Number, to, order.Carrier, order.TrackingNumber, cancellationToken);
        return await DtoAsync(order, cancellationToken);
    }

    public async Task<OrderDto> RefundAsync(Guid orderId, Guid staffUserId, RefundOrderRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var order = await db.Set<Order>().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, cancellationToken)
            ?? throw new NotFoundException("No such order.");
        if (!OrderFlow.IsPaid(order.Status) || order.Status == OrderStatus.Refunded || order.PaymentIntentId is null)
        {
            throw new ConflictException("Only a paid order with money left on it can be refunded.");
        }

        var full = request.Lines is null || request.Lines.Count == 0;
        var picks = full
            ? order.Lines.Where(l => l.Quantity > l.RefundedQuantity).Select(l => (Line: l, Quantity: l.Quantity - l.RefundedQuantity)).ToList()
            : [];
        if (!full)
        {
            var errors = new ValidationErrors();
            for (var i = 0; i < request.Lines!.Count; i++)
            {
                var line = order.Lines.FirstOrDefault(l => l.Id == request.Lines[i].LineId);
                if (line is null)
                {
                    errors.Add($"lines[{i}].lineId", "That line is not on this order.");
                }
                else if (request.Lines[i].Quantity > line.Quantity - line.RefundedQuantity)
                {
                    errors.Add($"lines[{i}].quantity", $"Only {line.Quantity - line.RefundedQuantity} of this line can still be refunded.");
                }
                else
                {
                    picks.Add((line, request.Lines[i].Quantity!.Value));
                }
            }

            errors.ThrowIfAny();
        }

        // Money per unit is the line's total over its quantity, so refunding all units refunds the line exactly.
        var amount = picks.Sum(p => p.Line.LineTotalCents * p.Quantity / p.Line.Quantity);
        var everythingRefunded = order.Lines.All(l => l.Quantity - l.RefundedQuantity == picks.Where(p => p.Line == l).Sum(p => p.Quantity));
        if (everythingRefunded)
        {
            amount = order.TotalCents - order.RefundedCents; // The shipping goes back with the last goods.
        }

        if (amount <= 0)
        {
            throw new ConflictException("Nothing is left to refund on this order.");
        }

        // Recorded first, in one transaction, then sent: the gateway's own charge.refunded event (which the simulated
        // gateway delivers at once) then finds the amount already known and adds nothing. If the gateway refuses,
        // the record is undone.
        var previousStatus = order.Status;
        var record = new OrderRefund
        {
            OrderId = order.Id, AmountCents = amount, ByUserId = staffUserId,
            Note = string.IsNullOrWhiteSpace(request.Note) ? (full ? "Full refund" : "Part refund") : request.Note.Trim(), At = time.GetUtcNow(),
        };
        var idempotencyKey = $"shop-refund:{order.Id:N}:{order.Version}";
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            foreach (var (line, quantity) in picks)
            {
                line.RefundedQuantity += quantity;
                if (request.Restock)
                {
                    await ledger.AddAsync(line.VariantId, quantity, StockMovementKind.Returned, "Refunded and back on the shelf", order.Id, staffUserId, cancellationToken);
                }
                else
                {
                    db.Add(new StockMovement
                    {
                        VariantId = line.VariantId, Kind = StockMovementKind.WrittenOff, Quantity = 0, Reason = $"Refunded, {quantity} written off",
                        OrderId = order.Id, ByUserId = staffUserId, At = time.GetUtcNow(),
                    });
                }
            }

            order.RefundedCents += amount;
            if (order.RefundedCents >= order.TotalCents)
            {
                order.Status = OrderStatus.Refunded;
            }

            db.Add(record);
            await SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        try
        {
            var refund = await gateway.RefundAsync(new RefundRequest(
                tenant.Tenant!.Id, order.PaymentIntentId, amount, RefundReason.RequestedByCustomer,
                // The order's version before this refund: a retry of this same request is one refund, a later refund a new one.
                IdempotencyKey: idempotencyKey, order.UserId, order.Id.ToString("D")), cancellationToken);
            record.RefundId = refund.RefundId;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is PaymentGatewayException or OperationCanceledException)
        {
            await UndoAsync(order.Id, record.Id, previousStatus, amount, picks.Select(p => (p.Line.Id, p.Line.VariantId, p.Quantity)).ToList(), request.Restock, staffUserId);
            throw;
        }

        await live.ChangedAsync(order.UserId, order.Status, cancellationToken);
        await notices.RefundedAsync(order.UserId, order.Number, amount, cancellationToken);
        return await DtoAsync(order, cancellationToken);
    }

    /// <summary>The gateway refused: the refund never happened, so its record, quantities and restocked units go.</summary>
    private async Task UndoAsync(Guid orderId, Guid recordId, OrderStatus previousStatus, long amount, List<(Guid LineId, Guid VariantId, int Quantity)> picks, bool restocked, Guid staffUserId)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var order = await db.Set<Order>().Include(o => o.Lines).SingleAsync(o => o.Id == orderId, CancellationToken.None);
        foreach (var (lineId, variantId, quantity) in picks)
        {
            order.Lines.Single(l => l.Id == lineId).RefundedQuantity -= quantity;
            if (restocked)
            {
                await ledger.TryRemoveAsync(variantId, quantity, StockMovementKind.Adjusted, "Refund refused by the payment provider", staffUserId, CancellationToken.None);
            }
        }

        order.RefundedCents -= amount;
        order.Status = previousStatus;
        await db.Set<OrderRefund>().Where(r => r.Id == recordId).ExecuteDeleteAsync(CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed this order just now; reload it and try again.");
        }
    }

    private async Task<OrderDto> DtoAsync(Order order, CancellationToken cancellationToken)
    {
        var name = await people.People.Where(p => p.UserId == order.UserId).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return OrderReadsHandler.ToDto(order, name, asStaff: true);
    }
}

/// <summary>The staff order routes.</summary>
internal static class FulfilmentEndpoints
{
    public static RouteGroupBuilder MapFulfilment(this RouteGroupBuilder group)
    {
        group.MapPost("/orders/{orderId:guid}/status", (Guid orderId, ChangeOrderStatusRequest request, FulfilmentHandler handler, CancellationToken ct) =>
                handler.ChangeStatusAsync(orderId, request, ct))
            .WithName("ChangeShopOrderStatus");
        group.MapPost("/orders/{orderId:guid}/refunds", (Guid orderId, RefundOrderRequest request, ClaimsPrincipal me, FulfilmentHandler handler, CancellationToken ct) =>
                Checkout.GatewayProblems.OkOrProblemAsync(() => handler.RefundAsync(orderId, me.RequireUserId(), request, ct)))
            .WithName("RefundShopOrder");
        return group;
    }
}
