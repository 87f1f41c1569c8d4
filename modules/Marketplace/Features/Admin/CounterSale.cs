using Derrimut.Identity.Contracts;
using Derrimut.Marketplace.Features.Checkout;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Admin;

/// <summary>One item sold over the counter.</summary>
internal sealed record CounterItem(Guid? VariantId, int? Quantity);

/// <summary>Body of <c>POST /api/shop/admin/counter-sales</c>: the member buying and what they take.</summary>
internal sealed record CounterSaleRequest(Guid? MemberId, IReadOnlyList<CounterItem>? Items) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        errors.AddIf(MemberId is null || MemberId == Guid.Empty, "memberId", "Choose the member buying.")
            .AddIf(Items is null || Items.Count == 0, "items", "Add what the member is buying.");
        for (var i = 0; i < (Items?.Count ?? 0); i++)
        {
            errors.AddIf(Items![i].VariantId is null, $"items[{i}].variantId", "Choose the product.")
                .AddIf(Items[i].Quantity is null or < 1 or > 99, $"items[{i}].quantity", "A quantity is 1 to 99.");
        }

        errors.AddIf(Items?.Where(i => i.VariantId is not null).GroupBy(i => i.VariantId).Any(g => g.Count() > 1) == true, "items", "List each product once.");
    }
}

/// <summary>
/// The front desk sells to a member from the same shelf: the same placement as an online order (stock reserved,
/// numbered, collected on the spot), paid on the gateway's checkout the desk opens for the member.
/// </summary>
internal sealed class CounterSaleHandler(OrderPlacement placement, IPeopleReadModel people)
{
    public async Task<CheckoutStarted> HandleAsync(CounterSaleRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        if (!await people.People.AnyAsync(p => p.UserId == request.MemberId, cancellationToken))
        {
            throw new ValidationException("memberId", "No such member.");
        }

        return await placement.PlaceAsync(request.MemberId!.Value, [.. request.Items!.Select(i => new WantedItem(i.VariantId!.Value, i.Quantity!.Value))],
            DeliveryMethod.Collect, null, OrderChannel.Counter, "items", cancellationToken);
    }
}

/// <summary><c>POST /api/shop/admin/counter-sales</c>.</summary>
internal static class CounterSaleEndpoint
{
    public static RouteGroupBuilder MapCounterSale(this RouteGroupBuilder group)
    {
        group.MapPost("/counter-sales", (CounterSaleRequest request, CounterSaleHandler handler, CancellationToken ct) =>
                GatewayProblems.OkOrProblemAsync(() => handler.HandleAsync(request, ct)))
            .WithName("SellShopItemsOverTheCounter");
        return group;
    }
}
