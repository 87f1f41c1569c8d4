namespace Derrimut.Marketplace.Features.Catalogue;

/// <summary>Where a product's stored image is served from.</summary>
internal static class ProductImages
{
    public static string UrlOf(string imageFile) => $"/shop/images/{Uri.EscapeDataString(imageFile)}";
}
