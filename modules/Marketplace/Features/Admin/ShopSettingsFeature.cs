using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Derrimut.Marketplace.Features.Admin;

/// <summary>Body of <c>PUT /api/shop/admin/settings</c>: the shipping rule (flat, free over a threshold or never) and the low-stock email.</summary>
internal sealed record SaveShopSettingsRequest(bool ShippingEnabled, long? ShippingFlatCents, long? FreeShippingOverCents, string? LowStockEmail) : IValidatable
{
    public void Validate(ValidationErrors errors) => errors
        .AddIf(ShippingFlatCents is null or < 0 or > 100_000, "shippingFlatCents", "The shipping charge is $0 to $1,000, in cents.")
        .AddIf(FreeShippingOverCents is < 0, "freeShippingOverCents", "The free-shipping threshold cannot be negative.")
        .MaxLength(LowStockEmail, "lowStockEmail", 254)
        .AddIf(LowStockEmail is { Length: > 0 } e && !System.Net.Mail.MailAddress.TryCreate(e, out _), "lowStockEmail", "That is not an email address.");
}

/// <summary>Staff read and set the location's shipping rule and low-stock email (one row per location).</summary>
internal sealed class ShopSettingsHandler(DerrimutDbContext db)
{
    public async Task<ShopSettingsDto> GetAsync(CancellationToken cancellationToken) =>
        await db.Set<ShopSettings>().AsNoTracking()
            .Select(s => new ShopSettingsDto(s.ShippingEnabled, s.ShippingFlatCents, s.FreeShippingOverCents, s.LowStockEmail))
            .FirstOrDefaultAsync(cancellationToken)
        ?? new ShopSettingsDto(ShippingRule.Default.Enabled, ShippingRule.Default.FlatCents, ShippingRule.Default.FreeOverCents, null);

    public async Task<ShopSettingsDto> SaveAsync(SaveShopSettingsRequest request, CancellationToken cancellationToken)
    {
        request.ThrowIfInvalid();
        var settings = await db.Set<ShopSettings>().FirstOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new ShopSettings();
            db.Add(settings);
        }

        settings.ShippingEnabled = request.ShippingEnabled;
        settings.ShippingFlatCents = request.ShippingFlatCents!.Value;
        settings.FreeShippingOverCents = request.FreeShippingOverCents;
        settings.LowStockEmail = string.IsNullOrWhiteSpace(request.LowStockEmail) ? null : request.LowStockEmail.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolations.LostRace(exception))
        {
            // Two first saves at once: the unique (location) index kept one.
            throw new ConflictException("The settings were just changed by someone else; reload and try again.");
        }

        return await GetAsync(cancellationToken);
    }
}

/// <summary>The settings routes.</summary>
internal static class ShopSettingsEndpoints
{
    public static RouteGroupBuilder MapShopSettingsRead(this RouteGroupBuilder group)
    {
        group.MapGet("/settings", (ShopSettingsHandler handler, CancellationToken ct) => handler.GetAsync(ct)).WithName("GetShopSettings");
        return group;
    }

    public static RouteGroupBuilder MapShopSettingsWrite(this RouteGroupBuilder group)
    {
        group.MapPut("/settings", (SaveShopSettingsRequest request, ShopSettingsHandler handler, CancellationToken ct) => handler.SaveAsync(request, ct))
            .WithName("SaveShopSettings");
        return group;
    }
}
