using System.Globalization;
using System.Text;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;

namespace HauGiang.Tracker.Web.Components.Shared;

/// <summary>
/// The leaders' pages keep what they show in the URL, so the back button and bookmarks work: the one place
/// that names the query parameters, the status slugs and the day format, and that builds the link from a
/// number to the list of items behind it (<c>/danh-sach</c>). The overview writes these links, the list reads them.
/// </summary>
public static class OverviewQuery
{
    public const string ListPath = "/danh-sach";

    public const string ProgramKey = "chuong-trinh";
    public const string DayKey = "ngay";
    public const string PeriodKey = "ky";
    public const string CompareDayKey = "so-sanh";
    public const string ComparePeriodKey = "ky-so-sanh";
    public const string SamplesKey = "mau";
    public const string BreakthroughKey = "dot-pha";
    public const string GroupKey = "nhom";
    public const string UnitKey = "don-vi";
    public const string KindKey = "loai";
    public const string BucketKey = "trang-thai";
    public const string ZoomKey = "thu-phong";
    public const string GroupByKey = "nhom-theo";

    private const string DayFormat = "yyyy-MM-dd";

    private static readonly (StatusBucket Bucket, string Slug)[] Slugs =
    [
        (StatusBucket.All, "tat-ca"),
        (StatusBucket.DoneOnTime, "dung-han"),
        (StatusBucket.DoneLate, "tre-han"),
        (StatusBucket.OpenWithinDeadline, "trong-han"),
        (StatusBucket.Overdue, "qua-han"),
        (StatusBucket.OverdueOver30, "qua-han-30"),
        (StatusBucket.Undated, "chua-xac-dinh-thoi-han"),
        (StatusBucket.NotStarted, "chua-trien-khai"),
        (StatusBucket.NoReportThisPeriod, "chua-bao-cao"),
        (StatusBucket.AtRisk, "nguy-co"),
        (StatusBucket.Completed, "hoan-thanh"),
        (StatusBucket.Open, "chua-hoan-thanh"),
    ];

    private static readonly (TimelineZoom Zoom, string Slug)[] ZoomSlugs = [(TimelineZoom.Year, "nam"), (TimelineZoom.Quarter, "quy"), (TimelineZoom.Month, "thang")];

    private static readonly (RoadmapGrouping Grouping, string Slug)[] GroupingSlugs =
        [(RoadmapGrouping.Breakthrough, "dot-pha"), (RoadmapGrouping.Group, "nhom"), (RoadmapGrouping.Unit, "don-vi")];

    private static readonly (WorkItemKind Kind, string Slug)[] KindSlugs = [(WorkItemKind.Task, "nhiem-vu"), (WorkItemKind.Document, "van-ban")];

    public static string Slug(StatusBucket bucket) => Slugs.First(s => s.Bucket == bucket).Slug;

    /// <summary>The bucket a slug names; null for an unknown or missing slug.</summary>
    public static StatusBucket? Bucket(string? slug) =>
        Slugs.Where(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase)).Select(s => (StatusBucket?)s.Bucket).FirstOrDefault();

    public static string Slug(WorkItemKind kind) => KindSlugs.First(s => s.Kind == kind).Slug;

    public static WorkItemKind? Kind(string? slug) =>
        KindSlugs.Where(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase)).Select(s => (WorkItemKind?)s.Kind).FirstOrDefault();

    public static string Slug(TimelineZoom zoom) => ZoomSlugs.First(s => s.Zoom == zoom).Slug;

    /// <summary>The roadmap's zoom a slug names (nam, quy, thang); years when missing or unknown.</summary>
    public static TimelineZoom Zoom(string? slug) =>
        ZoomSlugs.Where(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase)).Select(s => s.Zoom).FirstOrDefault(TimelineZoom.Year);

    public static string Slug(RoadmapGrouping grouping) => GroupingSlugs.First(s => s.Grouping == grouping).Slug;

    /// <summary>The roadmap's grouping a slug names (dot-pha, nhom, don-vi); by breakthrough when missing or unknown.</summary>
    public static RoadmapGrouping Grouping(string? slug) =>
        GroupingSlugs.Where(s => string.Equals(s.Slug, slug, StringComparison.OrdinalIgnoreCase)).Select(s => s.Grouping).FirstOrDefault(RoadmapGrouping.Breakthrough);

    /// <summary>A day written yyyy-MM-dd; null when missing or not a day.</summary>
    public static DateOnly? Day(string? s) =>
        DateOnly.TryParseExact(s, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string? Format(DateOnly? d) => d?.ToString(DayFormat, CultureInfo.InvariantCulture);

    /// <summary>What to load, from the query's text values (unparseable values are ignored).</summary>
    public static FactsRequest Request(string? program, string? day, string? period) =>
        new(QueryValue.Int(program), Day(day), QueryValue.Int(period));

    /// <summary>
    /// The request that names the figures shown, for links from them: the program, and the past day or the closed
    /// period (none for today, so a bookmark of today's figures stays today's).
    /// </summary>
    public static FactsRequest RequestOf(ProgramFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new FactsRequest(
            facts.Program.Id,
            facts.Basis == FactsBasis.PastDay ? facts.AsOf : null,
            facts.Basis == FactsBasis.ClosedPeriod ? facts.Period?.Id : null);
    }

    /// <summary>Which items to count, from the query's text values (unparseable values are ignored).</summary>
    public static ItemFilter Filter(string? breakthrough, string? group, string? unit, string? samples, string? kind = null, string? bucket = null) =>
        new(QueryValue.Int(breakthrough), QueryValue.Int(group), QueryValue.Int(unit), Kind(kind), Bucket(bucket) ?? StatusBucket.All, QueryValue.Flag(samples));

    /// <summary>
    /// The query parameters of a view, for <c>NavigationManager.GetUriWithQueryParameters</c>: a null value
    /// removes its parameter, so defaults (today, real items, whole program) leave the URL short.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Parameters(
        FactsRequest request, ItemFilter filter, DateOnly? compareTo = null, int? comparePeriodId = null, bool withBucket = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(filter);
        return new Dictionary<string, object?>
        {
            [ProgramKey] = request.ProgramId,
            [DayKey] = request.PeriodId is null ? Format(request.AsOf) : null,
            [PeriodKey] = request.PeriodId,
            [CompareDayKey] = comparePeriodId is null ? Format(compareTo) : null,
            [ComparePeriodKey] = comparePeriodId,
            [SamplesKey] = filter.Samples ? "1" : null,
            [BreakthroughKey] = filter.BreakthroughId,
            [GroupKey] = filter.GroupId,
            [UnitKey] = filter.UnitId,
            [KindKey] = filter.Kind is { } k ? Slug(k) : null,
            [BucketKey] = withBucket ? Slug(filter.Bucket) : null,
        };
    }

    /// <summary>The list of the items behind a number: the same program, day or period, scope and samples, plus the bucket (and kind).</summary>
    public static string ListHref(FactsRequest request, ItemFilter filter, DateOnly? compareTo = null, int? comparePeriodId = null)
    {
        var query = new StringBuilder();
        foreach (var (key, value) in Parameters(request, filter, compareTo, comparePeriodId, withBucket: true))
        {
            if (value is null)
            {
                continue;
            }
            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(text ?? ""));
        }
        return ListPath + query;
    }
}
