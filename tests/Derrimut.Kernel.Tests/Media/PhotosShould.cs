using System.Text;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Media;
using Microsoft.AspNetCore.Http;
using SkiaSharp;

namespace Derrimut.Kernel.Tests.Media;

public sealed class PhotosShould
{
    [Fact]
    public void ScaleALargePhotoToFitAndEncodeItAsJpeg()
    {
        var jpeg = Photos.ToJpeg(Png(1600, 900), 400, "photo");

        using var decoded = SKBitmap.Decode(jpeg);
        decoded.Width.ShouldBe(400);
        decoded.Height.ShouldBe(225);
        jpeg[..2].ShouldBe(new byte[] { 0xFF, 0xD8 }, "a JPEG starts with its SOI marker");
    }

    [Fact]
    public void KeepTheCentreSquareForPortraits()
    {
        using var decoded = SKBitmap.Decode(Photos.ToJpeg(Png(1200, 800), 300, "photo", square: true));

        decoded.Width.ShouldBe(300);
        decoded.Height.ShouldBe(300);
    }

    [Fact]
    public void NeverScaleASmallPhotoUp()
    {
        using var decoded = SKBitmap.Decode(Photos.ToJpeg(Png(120, 80), 400, "photo"));

        decoded.Width.ShouldBe(120);
        decoded.Height.ShouldBe(80);
    }

    [Fact]
    public void RefuseBytesThatAreNotAnImageNamingTheField()
    {
        var refusal = Should.Throw<ValidationException>(() => Photos.ToJpeg(Encoding.UTF8.GetBytes("<svg onload=alert(1)>"), 400, "photo"));

        refusal.Errors.Keys.ShouldBe(["photo"]);
    }

    [Fact]
    public async Task RefuseAnUploadThatIsNotSentAsAnImage()
    {
        var request = new DefaultHttpContext().Request;
        request.ContentType = "multipart/form-data; boundary=x";
        request.Body = new MemoryStream(Png(10, 10));

        var refusal = await Should.ThrowAsync<ValidationException>(() => Photos.ReadUploadAsync(request, "photo", TestContext.Current.CancellationToken));

        refusal.Errors.Keys.ShouldBe(["photo"]);
    }

    [Fact]
    public async Task RefuseAnUploadLargerThanFiveMegabytes()
    {
        var refusal = await Should.ThrowAsync<ValidationException>(() =>
            Photos.ReadLimitedAsync(new MemoryStream(new byte[Photos.MaxUploadBytes + 1]), "photo", TestContext.Current.CancellationToken));

        refusal.Errors["photo"].ShouldContain("An image can be at most 5 MB.");
    }

    [Fact]
    public async Task RefuseAnEmptyUpload()
    {
        var refusal = await Should.ThrowAsync<ValidationException>(() =>
            Photos.ReadLimitedAsync(new MemoryStream(), "photo", TestContext.Current.CancellationToken));

        refusal.Errors.Keys.ShouldBe(["photo"]);
    }

    [Fact]
    public void GiveTheSameVersionToTheSameBytesAndAnotherToOthers()
    {
        var first = Photos.ToJpeg(Png(50, 50), 400, "photo");
        var second = Photos.ToJpeg(Png(60, 50), 400, "photo");

        Photos.VersionOf(first).ShouldBe(Photos.VersionOf(first.ToArray()));
        Photos.VersionOf(first).ShouldNotBe(Photos.VersionOf(second));
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.OrangeRed);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
