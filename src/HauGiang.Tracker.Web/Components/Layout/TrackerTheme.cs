using MudBlazor;

namespace HauGiang.Tracker.Web.Components.Layout;

internal static class TrackerTheme
{
    // System fonts only: the app loads nothing from outside its own origin.
    private static readonly string[] Fonts = ["Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        // Every colour reaches 4.5:1 against white and against its own 12 % tint (the text and outlined
        // variants of chips and alerts), so text in any of them passes WCAG AA; MudBlazor's defaults
        // (#00c853, #ff9800, #2196f3 …) do not.
        PaletteLight = new PaletteLight
        {
            Primary = "#9b1c1c",
            Secondary = "#7a4f00",
            Success = "#1b5e20",
            Info = "#1565c0",
            Warning = "#9a3f00",
            Error = "#b71c1c",
            TextSecondary = "rgba(0,0,0,0.68)",
            AppbarBackground = "#9b1c1c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
        },
    };
}
