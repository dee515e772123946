using System.Globalization;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Status;
using Microsoft.Extensions.Localization;

namespace HauGiang.Tracker.Web.Components.Shared;

/// <summary>
/// The one place the UI takes status words from: the "Status.*" resources, worded as the Government Office's
/// task tracking words them (QĐ 42/2014/QĐ-TTg). Chips, counts, verdicts and the urgency headings all read here,
/// so no page says "Quá hạn" where another says "Chưa hoàn thành, quá hạn".
/// </summary>
public static class StatusWords
{
    /// <summary>Every status term the UI may show; a resource test holds the resources to it.</summary>
    public static readonly IReadOnlyList<string> Vocabulary =
    [
        "Đã hoàn thành đúng hạn", "Đã hoàn thành quá hạn", "Chưa hoàn thành, trong hạn", "Chưa hoàn thành, quá hạn",
        "Chưa triển khai", "Chưa báo cáo", "Chưa xác định thời hạn",
    ];

    public static string Axis(this IStringLocalizer<SharedResource> localizer, ProgressAxis axis)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"Status.{axis}"];
    }

    public static string NotStarted(this IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["Status.NotStarted"];
    }

    /// <summary>"Chưa xác định thời hạn": open work without a deadline, counted apart from the two axes.</summary>
    public static string Undated(this IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["Status.Undated"];
    }

    public static string NoReportThisPeriod(this IStringLocalizer<SharedResource> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer["Status.NoReportThisPeriod"];
    }

    /// <summary>An urgency heading in the status words it groups: "due soon" is open within the deadline, "done" is either done verdict.</summary>
    public static string Urgency(this IStringLocalizer<SharedResource> localizer, Urgency urgency)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return urgency switch
        {
            Core.Features.Status.Urgency.Overdue => localizer.Axis(ProgressAxis.Overdue),
            Core.Features.Status.Urgency.DueSoon => localizer["Urgency.DueSoon", localizer.Axis(ProgressAxis.OpenWithinDeadline), UrgencyOrder.DueSoonDays],
            Core.Features.Status.Urgency.Unreported => localizer.NoReportThisPeriod(),
            Core.Features.Status.Urgency.OnTrack => localizer.Axis(ProgressAxis.OpenWithinDeadline),
            Core.Features.Status.Urgency.Undated => localizer.Undated(),
            Core.Features.Status.Urgency.Done => localizer["Urgency.Done", localizer.Axis(ProgressAxis.DoneOnTime), LowerFirst(localizer.Axis(ProgressAxis.DoneLate))],
            _ => throw new ArgumentOutOfRangeException(nameof(urgency), urgency, null),
        };
    }

    private static string LowerFirst(string text) =>
        text.Length == 0 ? text : char.ToLower(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];
}
