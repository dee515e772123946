using Microsoft.AspNetCore.Components;

namespace HauGiang.Tracker.Web.Components.Shared;

/// <summary>
/// A Material icon drawn as MudIcon draws it (same element, classes and hiding from screen readers), in place:
/// a MudIcon is a component, kept in server memory for as long as its page is open, for a few lines of SVG.
/// </summary>
public static class PlainIcon
{
    /// <param name="icon">One of MudBlazor's <c>Icons</c> (the SVG's content).</param>
    /// <param name="extraClasses">Classes after the icon's own, such as the navigation link's.</param>
    public static RenderFragment Of(string icon, string? extraClasses = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", extraClasses is null ? "mud-icon-root mud-svg-icon mud-icon-size-medium" : "mud-icon-root mud-svg-icon mud-icon-size-medium " + extraClasses);
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };
}
