using System.Globalization;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>How a cell reads as text in the printed report and the preview: Vietnamese numbers, days and Vietnam time.</summary>
public static class ReportValues
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Text(object? value, CellKind kind) => value switch
    {
        null => "",
        int n => n.ToString("N0", Vi),
        long n => n.ToString("N0", Vi),
        decimal d when kind == CellKind.Percent => (d * 100m).ToString("0.#", Vi) + "%",
        decimal d => d.ToString("#,##0.##", Vi),
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime t => (DateTime.SpecifyKind(t, DateTimeKind.Utc) + VietnamClock.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
