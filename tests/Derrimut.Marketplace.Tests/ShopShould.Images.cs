using System.Net.Http.Headers;
using Derrimut.Marketplace.Contracts;
using SkiaSharp;
using static Derrimut.Marketplace.Tests.ShopKit;

namespace Derrimut.Marketplace.Tests;

/// <summary>Product images (resized and stored by the app) and the tax invoice as a PDF.</summary>
public abstract partial class ShopShould
{
    [Fact]
    public async Task StoreAResizedProductImageAndServeItOnlyAtItsOwnGym()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var product = await ProductAsync(staff, "Photo Shaker", 1495, 1, "accessory");

        var uploaded = await ReadAsync<ShopProductDto>(await staff.PostAsync($"/api/shop/admin/products/{product.Id}/image", Png(1600, 1200), _ct));
        uploaded.ImageUrl.ShouldNotBeNull();
        var served = await App.ClientFor(fixture.A1.Identifier).GetAsync(uploaded.ImageUrl, _ct);
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
        served.Content.Headers.ContentType!.MediaType.ShouldBe("image/jpeg");
        using (var stored = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync(_ct)))
        {
            (stored.Width, stored.Height).ShouldBe((800, 600));
        }

        (await App.ClientFor(fixture.A2.Identifier).GetAsync(uploaded.ImageUrl, _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReadAsync<ShopProductDto>(await App.ClientFor(fixture.A1.Identifier).GetAsync($"/api/shop/products/{product.Id}", _ct))).ImageUrl.ShouldBe(uploaded.ImageUrl);

        var notAnImage = new ByteArrayContent("hello"u8.ToArray());
        notAnImage.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        await ProblemAssert.NamesFieldAsync(await staff.PostAsync($"/api/shop/admin/products/{product.Id}/image", notAnImage, _ct), "image");
        await ProblemAssert.NamesFieldAsync(await staff.PostAsync($"/api/shop/admin/products/{product.Id}/image", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), _ct), "image");
        var (member, _) = await MemberAsync(App, fixture.A1);
        (await member.PostAsync($"/api/shop/admin/products/{product.Id}/image", Png(10, 10), _ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task IssueTheTaxInvoiceAsAPdf()
    {
        var staff = await StaffAsync(App, fixture.A1);
        var product = await ProductAsync(staff, "Pdf Whey", 11000, 2, "supplement");
        var (member, _) = await MemberAsync(App, fixture.A1);
        await AddToCartAsync(member, product.Variants[0].VariantId, 1);
        var started = await ReadAsync<CheckoutStarted>(await CheckoutAsync(member));
        await PayAsync(App, fixture.A1.Id, started);

        var pdf = await member.GetAsync($"/api/shop/orders/{started.OrderId}/invoice.pdf", _ct);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync(_ct);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBeGreaterThan(1000);
        var (other, _) = await MemberAsync(App, fixture.A1);
        (await other.GetAsync($"/api/shop/orders/{started.OrderId}/invoice.pdf", _ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static ByteArrayContent Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.OrangeRed);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var content = new ByteArrayContent(data.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return content;
    }
}
