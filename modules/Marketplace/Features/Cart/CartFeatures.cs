using System.Security.Claims;
using Derrimut.BuildingBlocks.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Cart;

/// <summary>Body of <c>POST /api/shop/cart/items</c>: sets the line's quantity (0 removes it).</summary>
internal sealed record SetCartItemRequest(Guid? VariantId, int? Quantity) : IValidatable
{
    public const int MaxQuantity = 99;

    public void Validate(ValidationErrors errors) => errors
        .AddIf(VariantId is null || VariantId == Guid.Empty, "variantId", "Choose what to add.")
        .AddIf(Quantity is null, "quantity", "Say how many.")
        .AddIf(Quantity is < 0 or > MaxQuantity, "quantity", $"A quantity is 0 to {MaxQuantity}.");
}

/// <summary>
/// The member's cart at this location: read with today's prices and availability, and changed only to quantities
/// the shelf can cover (checked again, atomically, when the checkout reserves them).
/// </summary>
internal sealed class CartHandler(DerrimutDbContext db, ShopSettingsReader settings)
{
    public async Task<CartDto> GetAsync(Guid userId, CancellationToken cancellationToken)
    {
        var lines = await (from line in db.Set<CartLine>().AsNoTracking()
                           where line.UserId == userId
                           join variant in db.Set<ProductVariant>() on line.VariantId equals variant.Id
                           join product in db.Set<Product>() on variant.ProductId equals product.Id
                           orderby line.CreatedAt, line.Id
                           select new
                           {
                               line.VariantId,
                               ProductId = product.Id,
                               ProductName = product.Name,
                               VariantName = variant.Name,
                               variant.Sku,
                               line.Quantity,
                               Price = variant.PriceCents ?? product.PriceCents,
                               line.PriceSeenCents,
                               Available = variant.Stock == null ? 0 : variant.Stock.OnHand - variant.Stock.Reserved,
                               Purchasable = product.IsActive && variant.IsActive,
                           }).ToListAsync(cancellationToken);
        var dtos = lines.Select(l => new CartLineDto(l.VariantId, l.ProductId, l.ProductName, l.VariantName, l.Sku, l.Quantity, l.Price,
            l.Price * l.Quantity, l.Price != l.PriceSeenCents, l.PriceSeenCents, Math.Max(0, l.Available), l.Purchasable)).ToList();
        var goods = dtos.Where(l => l.Purchasable).Sum(l => l.LineTotalCents);
        var rule = await settings.RuleAsync(cancellationToken);
        return new CartDto(dtos, goods, rule.ChargeFor(DeliveryMethod.Ship, goods), rule.Enabled);
    }

    public async Task<CartDto> SetAsync(Guid userId, SetCartItemRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var variantId = request.VariantId!.Value;
        var quantity = request.Quantity!.Value;
        var line = await db.Set<CartLine>().FirstOrDefaultAsync(l => l.UserId == userId && l.VariantId == variantId, cancellationToken);
        if (quantity == 0)
        {
            if (line is not null)
            {
                db.Remove(line);
                await db.SaveChangesAsync(cancellationToken);
            }

            return await GetAsync(userId, cancellationToken);
        }

        var variant = await db.Set<ProductVariant>().AsNoTracking()
            .Where(v => v.Id == variantId)
            .Select(v => new
            {
                v.IsActive,
                ProductActive = v.Product!.IsActive,
                Price = v.PriceCents ?? v.Product.PriceCents,
                Available = v.Stock == null ? 0 : v.Stock.OnHand - v.Stock.Reserved,
            })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationException("variantId", "This gym's shop has no such product.");
        if (!variant.IsActive || !variant.ProductActive)
        {
            throw new ValidationException("variantId", "This product is no longer on sale.");
        }

        if (quantity > variant.Available)
        {
            throw new ValidationException("quantity", variant.Available <= 0
                ? "This is out of stock at this gym."
                : $"Only {variant.Available} left at this gym.");
        }

        if (line is null)
        {
            db.Add(new CartLine { UserId = userId, VariantId = variantId, Quantity = quantity, PriceSeenCents = variant.Price });
        }
        else
        {
            line.Quantity = quantity;
            line.PriceSeenCents = variant.Price;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // Two tabs added the same line at once: the unique (member, variant) index kept one; say so, change nothing.
            throw new ConflictException("Your cart changed in another window; try again.", "variantId");
        }

        return await GetAsync(userId, cancellationToken);
    }

    public async Task<CartDto> RemoveAsync(Guid userId, Guid variantId, CancellationToken cancellationToken)
    {
        await db.Set<CartLine>().Where(l => l.UserId == userId && l.VariantId == variantId).ExecuteDeleteAsync(cancellationToken);
        return await GetAsync(userId, cancellationToken);
    }
}

/// <summary>The cart routes (the member's own cart only).</summary>
internal static class CartEndpoints
{
    public static RouteGroupBuilder MapCartReads(this RouteGroupBuilder group)
    {
        group.MapGet("/cart", (ClaimsPrincipal me, CartHandler handler, CancellationToken ct) => handler.GetAsync(me.RequireUserId(), ct))
            .WithName("GetShopCart");
        return group;
    }

    public static RouteGroupBuilder MapCartWrites(this RouteGroupBuilder group)
    {
        group.MapPost("/cart/items", (SetCartItemRequest request, ClaimsPrincipal me, CartHandler handler, CancellationToken ct) =>
                handler.SetAsync(me.RequireUserId(), request, ct))
            .WithName("SetShopCartItem");
        group.MapDelete("/cart/items/{variantId:guid}", (Guid variantId, ClaimsPrincipal me, CartHandler handler, CancellationToken ct) =>
                handler.RemoveAsync(me.RequireUserId(), variantId, ct))
            .WithName("RemoveShopCartItem");
        return group;
    }
}
