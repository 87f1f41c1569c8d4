using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Derrimut.BuildingBlocks.Media;

namespace Derrimut.Marketplace.Features.Catalogue;

/// <summary>
/// Product images: staff upload a JPEG, PNG or WebP (at most 5 MB); the app decodes it (anything that is not an image
/// is refused, naming <c>image</c>), scales it to fit 800 × 800 px, re-encodes it as JPEG (which also drops any
/// metadata such as GPS tags) and stores it under the location's own folder. The shop serves it from the location's
/// site only, so one gym's images are never read through another's.
/// </summary>
internal sealed class ProductImages(DerrimutDbContext db, ICurrentTenant tenant, IConfiguration configuration, IWebHostEnvironment environment)
{
    public const int MaxSide = 800;

    private static readonly System.Text.RegularExpressions.Regex FileName = new("^[0-9a-f]{32}-[0-9a-f]{8}\\.jpg$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static string UrlOf(string imageFile) => $"/shop/images/{Uri.EscapeDataString(imageFile)}";

    /// <summary>Stores <paramref name="image"/> as the product's picture, replacing the previous one.</summary>
    public async Task<ShopProductDto> StoreAsync(Guid productId, Stream image, CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().FirstOrDefaultAsync(p => p.Id == productId, cancellationToken)
            ?? throw new NotFoundException("No such product.");
        var jpeg = Resize(await Photos.ReadLimitedAsync(image, "image", cancellationToken));
        var folder = FolderOf(tenant.Tenant!.Id);
        Directory.CreateDirectory(folder);
        var name = $"{product.Id:N}-{Guid.NewGuid().ToString("N")[..8]}.jpg";
        await File.WriteAllBytesAsync(Path.Combine(folder, name), jpeg, cancellationToken);
        var previous = product.ImageFile;
        product.ImageFile = name;
        await db.SaveChangesAsync(cancellationToken);
        if (previous is not null && FileName.IsMatch(previous))
        {
            File.Delete(Path.Combine(folder, previous));
        }

        var row = await db.Set<Product>().AsNoTracking().Where(p => p.Id == productId).Select(ShopProjection.Product).FirstAsync(cancellationToken);
        return ShopProjection.ToDto(row);
    }

    /// <summary>The stored file of the current location, or null.</summary>
    public string? PathOf(string file) =>
        FileName.IsMatch(file) && tenant.Tenant is { } location && File.Exists(Path.Combine(FolderOf(location.Id), file))
            ? Path.Combine(FolderOf(location.Id), file)
            : null;

    /// <summary>Decodes, scales to fit <see cref="MaxSide"/> and encodes as JPEG; refuses what is not an image.</summary>
    public static byte[] Resize(byte[] original) => Photos.ToJpeg(original, MaxSide, "image");

    private string FolderOf(Guid locationId)
    {
        var root = configuration["Marketplace:ImageFolder"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(environment.ContentRootPath, "App_Data", "shop-images");
        return Path.Combine(root, locationId.ToString("N"));
    }
}

/// <summary>The image routes.</summary>
internal static class ProductImageEndpoints
{
    /// <summary>
    /// <c>POST /api/shop/admin/products/{id}/image</c> with the image itself as the body (<c>Content-Type: image/…</c>):
    /// a cross-site form cannot send that type without a CORS preflight, so the cookie cannot be ridden.
    /// </summary>
    public static RouteGroupBuilder MapProductImageUpload(this RouteGroupBuilder group)
    {
        group.MapPost("/products/{productId:guid}/image", (Guid productId, HttpRequest request, ProductImages images, CancellationToken ct) =>
            {
                if (request.ContentType is not { } type || !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ValidationException("image", "Send the image itself, with Content-Type image/jpeg, image/png or image/webp.");
                }

                return images.StoreAsync(productId, request.Body, ct);
            })
            .WithName("UploadShopProductImage");
        return group;
    }

    /// <summary><c>GET /shop/images/{file}</c>: the location's own stored images, cacheable (names change on upload).</summary>
    public static void MapProductImages(IEndpointRouteBuilder app) =>
        app.MapGet("/shop/images/{file}", (string file, ProductImages images) =>
                images.PathOf(file) is { } path
                    ? Results.File(path, "image/jpeg", lastModified: File.GetLastWriteTimeUtc(path))
                    : Results.NotFound())
            .AllowAnonymous()
            .RequireLocation()
            .ExcludeFromDescription();
}
