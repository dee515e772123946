using Microsoft.Extensions.Localization;

namespace HauGiang.Tracker.Web.Components.Shared;

/// <summary>What an audit row did, in Vietnamese: its action and entity through the resources, the stored code where none exists.</summary>
public static class AuditLabels
{
    public static string Describe(this IStringLocalizer<SharedResource> localizer, string action, string? entityType)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var what = Label(localizer, $"AuditAction.{action}", action);
        return entityType is null ? what : $"{what} {Label(localizer, $"Entity.{entityType}", entityType)}";
    }

    private static string Label(IStringLocalizer<SharedResource> localizer, string key, string fallback)
    {
        var text = localizer[key];
        return text.ResourceNotFound ? fallback : text.Value;
    }
}
