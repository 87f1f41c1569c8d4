using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Checkout;

/// <summary>Body of <c>POST /api/shop/checkout</c>: <c>{ delivery: { method: "collect" | "ship", address? } }</c>.</summary>
internal sealed record CheckoutRequest(DeliveryChoice? Delivery) : IValidatable
{
    public DeliveryMethod Method => string.Equals(Delivery?.Method, "ship", StringComparison.OrdinalIgnoreCase) ? DeliveryMethod.Ship : DeliveryMethod.Collect;

    public void Validate(ValidationErrors errors)
    {
        var method = Delivery?.Method;
        if (method is { Length: > 0 } && !string.Equals(method, "collect", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(method, "ship", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("delivery.method", "Delivery is \"collect\" (at the gym) or \"ship\".");
            return;
        }

        if (Method == DeliveryMethod.Ship)
        {
            if (Delivery?.Address is null)
            {
                errors.Add("delivery.address", "Give the address to ship to.");
            }
            else
            {
                Delivery.Address.Validate(errors, "delivery.address");
            }
        }
    }
}

/// <summary>
/// The member checks out their cart: prices are read again (a changed price is shown before paying), stock is
/// reserved, the order numbered, and Billing's checkout opened with one line per cart line. The cart empties once the
/// payment page exists; the order itself turns paid only on Billing's <c>CheckoutCompleted</c>.
/// </summary>
internal sealed class CheckoutHandler(DerrimutDbContext db, OrderPlacement placement)
{
    public async Task<CheckoutStarted> HandleAsync(Guid userId, CheckoutRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var cart = await db.Set<CartLine>().Where(l => l.UserId == userId).OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).ToListAsync(cancellationToken);
        if (cart.Count == 0)
        {
            throw new ValidationException("cart", "Your cart is empty.");
        }

        var variantIds = cart.Select(l => l.VariantId).ToList();
        var prices = await db.Set<ProductVariant>().AsNoTracking().Where(v => variantIds.Contains(v.Id))
            .Select(v => new { v.Id, Price = v.PriceCents ?? v.Product!.PriceCents, Title = v.Name == "" ? v.Product!.Name : v.Product!.Name + ", " + v.Name })
            .ToDictionaryAsync(v => v.Id, cancellationToken);
        var changed = cart.Where(l => prices.TryGetValue(l.VariantId, out var p) && p.Price != l.PriceSeenCents).ToList();
        if (changed.Count > 0)
        {
            var what = string.Join("; ", changed.Select(l => $"{prices[l.VariantId].Title} is now {Aud.Format(prices[l.VariantId].Price)} (was {Aud.Format(l.PriceSeenCents)})"));
            foreach (var line in changed)
            {
                line.PriceSeenCents = prices[line.VariantId].Price;
            }

            await db.SaveChangesAsync(cancellationToken);
            throw new ConflictException($"A price changed since you added it: {what}. Check your cart, then check out again.", "cart");
        }

        var started = await placement.PlaceAsync(userId, [.. cart.Select(l => new WantedItem(l.VariantId, l.Quantity))], request.Method,
            request.Delivery?.Address, OrderChannel.Online, "items", cancellationToken);
        await db.Set<CartLine>().Where(l => l.UserId == userId && variantIds.Contains(l.VariantId)).ExecuteDeleteAsync(cancellationToken);
        return started;
    }
}

/// <summary><c>POST /api/shop/checkout</c>.</summary>
internal static class CheckoutEndpoint
{
    public static RouteGroupBuilder MapCheckout(this RouteGroupBuilder group)
    {
        group.MapPost("/checkout", (CheckoutRequest request, ClaimsPrincipal me, CheckoutHandler handler, CancellationToken ct) =>
                GatewayProblems.OkOrProblemAsync(() => handler.HandleAsync(me.RequireUserId(), request, ct)))
            .WithName("ShopCheckout");
        return group;
    }

}

/// <summary>A payment gateway's refusal as the API answers it: never a 500, and nothing held.</summary>
internal static class GatewayProblems
{
    public static async Task<IResult> OkOrProblemAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return TypedResults.Ok(await call());
        }
        catch (PaymentGatewayException ex)
        {
            var (status, title) = ex.Failure switch
            {
                PaymentGatewayFailure.Declined => (StatusCodes.Status402PaymentRequired, "The payment was declined."),
                PaymentGatewayFailure.Unavailable => (StatusCodes.Status503ServiceUnavailable, "Payments are unavailable right now."),
                _ => (StatusCodes.Status502BadGateway, "The payment provider refused the request."),
            };
            return TypedResults.Problem(title: title, statusCode: status, detail: "Nothing was charged and no stock is held. Please try again shortly.");
        }
    }
}
