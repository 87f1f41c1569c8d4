namespace Derrimut.Marketplace.Domain;

/// <summary>Order numbers: <c>ORD-YYYYMMDD-NNN</c>, the location's local date and that day's sequence from 001.</summary>
internal static class OrderNumbers
{
    public static string Format(DateOnly localDate, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"ORD-{localDate:yyyyMMdd}-{sequence:D3}");
}
