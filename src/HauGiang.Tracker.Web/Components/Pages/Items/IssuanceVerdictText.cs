using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace HauGiang.Tracker.Web.Components.Pages.Items;

/// <summary>An issuance's verdict in words: against the deadline in force, and against the original one when it differs.</summary>
public static class IssuanceVerdictText
{
    public static string VerdictText(this IStringLocalizer<SharedResource> localizer, IssuanceVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(verdict);
        var inForce = localizer["Document.VerdictLine", localizer.Axis(verdict.AgainstInForce), Formats.Day(verdict.DueInForce)];
        return verdict.AgainstOriginal is { } original
            ? $"{inForce}; {localizer["Document.VerdictOriginal", localizer.Axis(original), Formats.Day(verdict.OriginalDue)]}"
            : inForce;
    }
}
