namespace HauGiang.Tracker.Web.Components.Shared;

/// <summary>
/// The classes MudBlazor's components put on their markup, for the places that draw that markup in place rather than
/// keep a component per table, link or chip for as long as the page is open (see <see cref="PlainIcon"/>). One place
/// to follow MudBlazor when it renames them.
/// </summary>
public static class MudLook
{
    /// <summary>A dense MudSimpleTable's outer element; its table sits in a <c>div.mud-table-container</c>.</summary>
    public const string DenseTable = "mud-table mud-simple-table mud-table-dense mud-elevation-1";

    /// <summary>A MudLink in the primary colour, underlined on hover.</summary>
    public const string Link = "mud-typography mud-link mud-primary-text mud-link-underline-hover";

    /// <summary>A MudIconButton in the inherited colour (as on the app bar); its icon sits in a <c>span.mud-icon-button-label</c>.</summary>
    public const string IconButton = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    /// <summary>A small MudChip of the variant (<c>filled</c>, <c>outlined</c>) and colour (<c>error</c>, <c>success</c>, <c>default</c>…).</summary>
    public static string SmallChip(string variant, string colour) => $"mud-chip mud-chip-{variant} mud-chip-size-small mud-chip-color-{colour}";
}
