using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace HauGiang.Tracker.Testing;

/// <summary>
/// Every (route, query parameter) a page of the app reads, found by reflection, so a new page with a new
/// parameter is tested without being listed; and the malformed values a scanner or a mistyped link sends.
/// </summary>
public static class PageQueryParameters
{
    public static readonly string[] Malformed = ["abc", "../../../../etc/passwd", "1%00", "99999999999999999999", "-1", "%3Cscript%3E", "1.5", "true"];

    public static IReadOnlyList<(string Route, string Name)> Discover()
    {
        var found = new List<(string, string)>();
        foreach (var page in typeof(HauGiang.Tracker.Web.Extensions).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ComponentBase))))
        {
            var names = page.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
                .Where(p => p.Attribute is not null)
                .Select(p => p.Attribute!.Name ?? p.Property.Name)
                .ToList();
            foreach (var route in page.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            {
                found.AddRange(names.Select(n => (route, n)));
            }
        }
        return found;
    }

    /// <summary>The route with its item placeholder filled.</summary>
    public static string Path(string route, int itemId) =>
        route.Replace("{ItemId:int}", itemId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
