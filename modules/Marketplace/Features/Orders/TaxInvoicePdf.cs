using SkiaSharp;

namespace Derrimut.Marketplace.Features.Orders;

/// <summary>
/// The tax invoice as a PDF (A4, SkiaSharp's PDF back end): the same content as the printable page — seller, ABN,
/// invoice number and date, buyer, one row per line with its GST, shipping, total and total GST.
/// </summary>
internal static class TaxInvoicePdf
{
    private const float Width = 595;   // A4 in points
    private const float Height = 842;
    private const float Margin = 48;

    public static byte[] Render(TaxInvoiceDto invoice, TimeZoneInfo zone)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata
        {
            Title = $"Tax invoice {invoice.OrderNumber}", Author = invoice.SellerName, Creator = "Derrimut",
        }))
        {
            using var regular = new SKFont(SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default, 10);
            using var bold = new SKFont(SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default, 10);
            using var title = new SKFont(SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default, 18);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            var canvas = document.BeginPage(Width, Height);
            var y = Margin + 18;
            void Line(string text, SKFont font, float x = Margin, float step = 14)
            {
                canvas.DrawText(text, x, y, SKTextAlign.Left, font, ink);
                y += step;
            }

            void Right(string text, float x, SKFont font) => canvas.DrawText(text, x, y, SKTextAlign.Right, font, ink);

            Line("Tax invoice", title, step: 28);
            Line(invoice.SellerName, bold);
            if (invoice.SellerAddress.Length > 0)
            {
                Line(invoice.SellerAddress, regular);
            }

            Line($"ABN {FormatAbn(invoice.Abn)}", regular, step: 24);
            Line($"Invoice {invoice.OrderNumber}", regular);
            Line($"Date {TimeZoneInfo.ConvertTime(invoice.IssuedAt, zone).ToString("d MMMM yyyy", GymCulture.Australian)}", regular);
            Line($"Customer {invoice.BuyerName} ({invoice.BuyerEmail})", regular, step: 24);

            canvas.DrawText("Description", Margin, y, SKTextAlign.Left, bold, ink);
            Right("Qty", 340, bold);
            Right("Unit price", 420, bold);
            Right("GST", 480, bold);
            Right("Amount", Width - Margin, bold);
            y += 16;
            foreach (var line in invoice.Lines)
            {
                if (y > Height - Margin - 60)
                {
                    document.EndPage();
                    canvas = document.BeginPage(Width, Height);
                    y = Margin + 18;
                }

                var name = $"{line.ProductName}{(line.VariantName.Length > 0 ? $", {line.VariantName}" : "")}{(line.GstFree ? " *" : "")}";
                canvas.DrawText(name.Length > 48 ? name[..47] + "…" : name, Margin, y, SKTextAlign.Left, regular, ink);
                Right(line.Quantity.ToString(CultureInfo.InvariantCulture), 340, regular);
                Right(Aud.Format(line.UnitPriceCents), 420, regular);
                Right(Aud.Format(line.GstCents), 480, regular);
                Right(Aud.Format(line.LineTotalCents), Width - Margin, regular);
                y += 14;
            }

            if (invoice.ShippingCents > 0)
            {
                canvas.DrawText("Shipping", Margin, y, SKTextAlign.Left, regular, ink);
                Right("1", 340, regular);
                Right(Aud.Format(invoice.ShippingCents), 420, regular);
                Right(Aud.Format(invoice.ShippingGstCents), 480, regular);
                Right(Aud.Format(invoice.ShippingCents), Width - Margin, regular);
                y += 14;
            }

            y += 10;
            Line($"Total {Aud.Format(invoice.TotalCents)} (includes GST of {Aud.Format(invoice.GstCents)})", bold);
            if (invoice.Lines.Any(l => l.GstFree))
            {
                Line("* GST-free supply.", regular);
            }

            if (invoice.RefundedCents > 0)
            {
                Line($"Refunded {Aud.Format(invoice.RefundedCents)}", regular);
            }

            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    private static string FormatAbn(string? abn) =>
        abn is { Length: 11 } a ? $"{a[..2]} {a[2..5]} {a[5..8]} {a[8..]}" : abn ?? "not recorded";
}
