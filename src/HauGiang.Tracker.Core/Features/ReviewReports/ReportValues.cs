using System.Globalization;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// A cell's value as text, the way every printed format and the preview show it: "1.234", "45,6%", "31/12/2025",
/// an instant in Vietnam's time. Vietnamese separators are set here rather than taken from the machine's culture
/// data, which a container may lack.
/// </summary>
public static class ReportValues
{
    private static readonly NumberFormatInfo Numbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
        NegativeSign = "-",
    };

    /// <summary>The value as text for a column of the kind; null is empty.</summary>
    public static string Format(object? value, CellKind kind) => value switch
    {
        null => "",
        DateOnly date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime instant when kind == CellKind.Date => instant.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime instant => ToVietnam(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToOffset(VietnamClock.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        string text => text,
        _ when kind == CellKind.Percent && TryNumber(value, out var fraction) => (fraction * 100m).ToString("0.0", Numbers) + "%",
        _ when kind == CellKind.Integer && TryNumber(value, out var number) => number.ToString("N0", Numbers),
        IFormattable formattable => formattable.ToString(null, Numbers),
        _ => value.ToString() ?? "",
    };

    /// <summary>Whether the kind's values line up on the right (numbers) in a printed table.</summary>
    public static bool AlignsRight(CellKind kind) => kind is CellKind.Integer or CellKind.Percent;

    private static DateTime ToVietnam(DateTime instant) =>
        (instant.Kind == DateTimeKind.Local ? instant.ToUniversalTime() : instant) + VietnamClock.Offset;

    private static bool TryNumber(object value, out decimal number)
    {
        switch (value)
        {
            case int i: number = i; return true;
            case long l: number = l; return true;
            case decimal d: number = d; return true;
            case double f when double.IsFinite(f): number = (decimal)f; return true;
            case float f when float.IsFinite(f): number = (decimal)f; return true;
            default: number = 0; return false;
        }
    }
}
