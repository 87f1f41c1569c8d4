using Derrimut.BuildingBlocks.Errors;
using Microsoft.AspNetCore.Http;
using SkiaSharp;

namespace Derrimut.BuildingBlocks.Media;

/// <summary>
/// Uploaded pictures (trainers, members, gyms, products): read with a size limit, decoded (anything that is not a
/// JPEG, PNG or WebP image is refused with a problem naming the field), scaled to fit and re-encoded as JPEG. The
/// re-encode is deliberate: it drops every metadata block (GPS tags from a phone camera among them) and means the
/// app only ever serves bytes it produced itself. Each module keeps the resulting bytes in its own table so every
/// node of a cluster serves them and no external CDN is involved.
/// </summary>
public static class Photos
{
    /// <summary>The largest upload accepted (a phone photo is 2–5 MB).</summary>
    public const long MaxUploadBytes = 5 * 1024 * 1024;

    /// <summary>The content type of every stored photo.</summary>
    public const string ContentType = "image/jpeg";

    /// <summary>
    /// Reads the request body as an image upload. The body is the image itself with <c>Content-Type: image/…</c>: a
    /// cross-site HTML form cannot send that type without a CORS preflight, so a signed-in cookie cannot be ridden.
    /// </summary>
    public static async Task<byte[]> ReadUploadAsync(HttpRequest request, string field, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } type || !type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
        {
            throw new ValidationException(field, "Send the image itself, with Content-Type image/jpeg, image/png or image/webp.");
        }

        return await ReadLimitedAsync(request.Body, field, cancellationToken);
    }

    /// <summary>Reads at most <see cref="MaxUploadBytes"/> from <paramref name="source"/>; refuses empty or larger input.</summary>
    public static async Task<byte[]> ReadLimitedAsync(Stream source, string field, CancellationToken cancellationToken)
    {
        using var target = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (target.Length + read > MaxUploadBytes)
            {
                throw new ValidationException(field, "An image can be at most 5 MB.");
            }

            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        if (target.Length == 0)
        {
            throw new ValidationException(field, "Choose an image to upload.");
        }

        return target.ToArray();
    }

    /// <summary>
    /// Decodes <paramref name="original"/>, scales it to fit <paramref name="maxSide"/> pixels (never up) and encodes it
    /// as JPEG. With <paramref name="square"/> the centre square is kept first (portraits shown in round avatars).
    /// </summary>
    public static byte[] ToJpeg(byte[] original, int maxSide, string field, bool square = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 16);

        // SKCodec answers null for bytes it cannot read (SKBitmap.Decode would throw instead).
        using var codec = SKCodec.Create(new SKMemoryStream(original)) ?? throw NotAnImage(field);
        using var decoded = SKBitmap.Decode(codec) ?? throw NotAnImage(field);
        using var cropped = square ? CentreSquare(decoded) : decoded.Copy();
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(cropped.Width, cropped.Height));
        var width = Math.Max(1, (int)Math.Round(cropped.Width * scale));
        var height = Math.Max(1, (int)Math.Round(cropped.Height * scale));
        using var resized = scale < 1.0
            ? cropped.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell))
            : cropped.Copy();
        using var image = SKImage.FromBitmap(resized);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }

    /// <summary>A short, stable version tag for a stored photo (put in its URL so browsers can cache it for good).</summary>
    public static string VersionOf(byte[] jpeg) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(jpeg).AsSpan(0, 6));

    private static SKBitmap CentreSquare(SKBitmap source)
    {
        var side = Math.Min(source.Width, source.Height);
        using var subset = new SKBitmap();
        source.ExtractSubset(subset, SKRectI.Create((source.Width - side) / 2, (source.Height - side) / 2, side, side));

        // The subset shares the source's pixels; copy so the result outlives it.
        return subset.Copy();
    }

    private static ValidationException NotAnImage(string field) =>
        new(field, "That file is not a JPEG, PNG or WebP image.");
}
