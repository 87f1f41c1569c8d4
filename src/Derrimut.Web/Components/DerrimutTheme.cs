using MudBlazor;

namespace Derrimut.Web.Components;

/// <summary>
/// The look of every page. Colours are chosen for WCAG AA contrast: white on primary (orange-700) is 5.2:1, body
/// text on the background is above 12:1. The system font stack avoids fetching web fonts (sites run offline too).
/// </summary>
internal static class DerrimutTheme
{
    private static readonly string[] FontStack =
        ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#C2410C",
            PrimaryDarken = "#9A3412",
            PrimaryLighten = "#EA580C",
            Secondary = "#1F2937",
            Tertiary = "#0F766E",
            Success = "#15803D",
            Warning = "#B45309",
            Error = "#B91C1C",
            Info = "#1D4ED8",
            AppbarBackground = "#111827",
            AppbarText = "#FFFFFF",
            Background = "#F8FAFC",
            Surface = "#FFFFFF",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#1F2937",
            DrawerIcon = "#374151",
            TextPrimary = "#111827",
            TextSecondary = "#4B5563",
            ActionDefault = "#374151",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack },
            H1 = new H1Typography { FontFamily = FontStack, FontSize = "2.5rem", FontWeight = "800", LineHeight = "1.15", LetterSpacing = "-0.02em" },
            H2 = new H2Typography { FontFamily = FontStack, FontSize = "2rem", FontWeight = "700", LineHeight = "1.2" },
            H3 = new H3Typography { FontFamily = FontStack, FontSize = "1.5rem", FontWeight = "700", LineHeight = "1.25" },
            H4 = new H4Typography { FontFamily = FontStack, FontSize = "1.25rem", FontWeight = "700", LineHeight = "1.3" },
            H5 = new H5Typography { FontFamily = FontStack, FontSize = "1.125rem", FontWeight = "600", LineHeight = "1.35" },
            H6 = new H6Typography { FontFamily = FontStack, FontSize = "1rem", FontWeight = "600", LineHeight = "1.4" },
            Button = new ButtonTypography { FontFamily = FontStack, FontWeight = "600", TextTransform = "none" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
