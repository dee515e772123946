using System.Globalization;
using System.Text;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>The cell conversions every writer shares: Vietnam's clock, text in NFC, the counting of rows for progress.</summary>
internal static class CellConversion
{
    /// <summary>A UTC instant (a DateTime of unspecified kind is taken as UTC) as the wall clock in Vietnam.</summary>
    public static DateTime InVietnam(DateTime utc) =>
        (utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc)) + VietnamClock.Offset;

    public static DateOnly AsDay(object value) => value switch
    {
        DateOnly day => day,
        DateTime moment => DateOnly.FromDateTime(moment),
        _ => throw new ArgumentException($"Expected a DateOnly, got {value.GetType().Name}.", nameof(value)),
    };

    public static DateTime AsInstant(object value) => value switch
    {
        DateTime moment => moment,
        DateTimeOffset moment => moment.UtcDateTime,
        _ => throw new ArgumentException($"Expected a UTC DateTime, got {value.GetType().Name}.", nameof(value)),
    };

    public static decimal AsNumber(object value) => value switch
    {
        int n => n,
        long n => n,
        decimal n => n,
        double n => (decimal)n,
        float n => (decimal)n,
        _ => decimal.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    public static string AsText(object value) =>
        (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Normalize(NormalizationForm.FormC);

    /// <summary>Drops the control characters XML 1.0 cannot carry (a pasted form feed or Word's soft break would break the file).</summary>
    public static string XmlSafe(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' && c is not ('\t' or '\n' or '\r'))
            {
                return string.Concat(text.Where(ch => ch >= ' ' || ch is '\t' or '\n' or '\r'));
            }
        }
        return text;
    }

    public static long TotalRows(ReviewReport report) =>
        report.Summary.Concat(report.Details).Sum(t => (long)t.RowCount);
}

/// <summary>Counts written rows and reports every ~1000 of them, and once at the end.</summary>
internal sealed class ProgressCounter(IProgress<ExportProgress>? progress, long total)
{
    private const int Every = 1000;
    private long _done;

    public void Row()
    {
        if (++_done % Every == 0)
        {
            progress?.Report(new ExportProgress(_done, Math.Max(total, _done)));
        }
    }

    public void Finish() => progress?.Report(new ExportProgress(_done, Math.Max(total, _done)));
}
