namespace Derrimut.Marketplace.Domain;

/// <summary>
/// A location's shipping charge: flat, and free once the goods reach a threshold (when it has one). Click-and-collect
/// is always free.
/// </summary>
internal sealed record ShippingRule(bool Enabled, long FlatCents, long? FreeOverCents)
{
    public const long DefaultFlatCents = 1295;

    public const long DefaultFreeOverCents = 15000;

    public static ShippingRule Default { get; } = new(true, DefaultFlatCents, DefaultFreeOverCents);

    public long ChargeFor(DeliveryMethod method, long goodsCents) =>
        method == DeliveryMethod.Collect || (FreeOverCents is { } threshold && goodsCents >= threshold) ? 0 : FlatCents;
}
