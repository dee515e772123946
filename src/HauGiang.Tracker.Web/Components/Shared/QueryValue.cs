using System.Globalization;

namespace HauGiang.Tracker.Web.Components.Shared;

/// <summary>
/// Query values are read as text and parsed here: a typed [SupplyParameterFromQuery] throws while binding
/// when a link or a scanner sends "abc", and the page breaks. A value that does not parse is ignored.
/// </summary>
public static class QueryValue
{
    public static int? Int(string? raw) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool Flag(string? raw) =>
        bool.TryParse(raw, out var value) ? value : raw == "1";
}
