using MudBlazor;

namespace HauGiang.Tracker.Web.Components.Layout;

internal static class TrackerTheme
{
    // System fonts only: the app loads nothing from outside its own origin.
    private static readonly string[] Fonts = ["Segoe UI", "Roboto", "Noto Sans", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#9b1c1c",
            Secondary = "#b7791f",
            AppbarBackground = "#9b1c1c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
        },
    };
}
