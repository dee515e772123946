using System.Globalization;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Web.Components.Shared;
using Microsoft.Extensions.Localization;

namespace HauGiang.Tracker.Web.Components.Pages.Overview;

/// <summary>The overview's words for its numbers, and the link from each number to its list.</summary>
internal static class OverviewWords
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string Bucket(this IStringLocalizer<SharedResource> l, StatusBucket bucket) => bucket switch
    {
        StatusBucket.All => l["Overview.All"],
        StatusBucket.DoneOnTime => l.Axis(ProgressAxis.DoneOnTime),
        StatusBucket.DoneLate => l.Axis(ProgressAxis.DoneLate),
        StatusBucket.OpenWithinDeadline => l.Axis(ProgressAxis.OpenWithinDeadline),
        StatusBucket.Overdue => l.Axis(ProgressAxis.Overdue),
        StatusBucket.OverdueOver30 => l["Overview.OverdueOver30", ItemFilter.LongOverdueDays],
        StatusBucket.Undated => l.Undated(),
        StatusBucket.NotStarted => l.NotStarted(),
        StatusBucket.NoReportThisPeriod => l.NoReportThisPeriod(),
        StatusBucket.AtRisk => l["Overview.AtRisk"],
        StatusBucket.Completed => l["Overview.BucketCompleted"],
        StatusBucket.Open => l["Overview.BucketOpen"],
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    /// <summary>"12 mục chưa hoàn thành, quá hạn": what a bare number link says to a screen reader.</summary>
    public static string CountLabel(this IStringLocalizer<SharedResource> l, int count, StatusBucket bucket) =>
        l["Overview.CountLink", count, LowerFirst(l.Bucket(bucket))];

    /// <summary>A count's share of the total, in percent, one decimal.</summary>
    public static decimal Share(int count, int total) =>
        total == 0 ? 0m : Math.Round(100m * count / total, 1, MidpointRounding.AwayFromZero);

    /// <summary>The list behind a number of the overview: its program, day or period, scope, plus a bucket and a kind.</summary>
    public static string Href(this ProgramOverview overview, StatusBucket bucket, WorkItemKind? kind = null) =>
        OverviewQuery.ListHref(OverviewQuery.RequestOf(overview.Facts), overview.Scope with { Bucket = bucket, Kind = kind ?? overview.Scope.Kind });

    /// <summary>"ngày 30/06/2024" or "kỳ Quý II/2024": which figures, in words.</summary>
    public static string When(this IStringLocalizer<SharedResource> l, ProgramFacts facts) =>
        facts.Basis == FactsBasis.ClosedPeriod && facts.Period is { } p ? l["Overview.PeriodWords", p.Label] : l["Overview.DayWords", Formats.Day(facts.AsOf)];

    public static string LowerFirst(string text) =>
        text.Length == 0 ? text : char.ToLower(text[0], Vietnamese) + text[1..];

    /// <summary>A signed difference: "+3", "−2", "0"; percents as "+4,5%".</summary>
    public static string Signed(int value) => value > 0 ? "+" + value.ToString(Vietnamese) : value < 0 ? "−" + (-value).ToString(Vietnamese) : "0";

    public static string SignedPercent(decimal value) => value > 0 ? "+" + Formats.Percent(value) : value < 0 ? "−" + Formats.Percent(-value) : Formats.Percent(0m);
}
