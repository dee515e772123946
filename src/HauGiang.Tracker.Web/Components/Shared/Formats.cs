using System.Globalization;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Web.Components.Shared;

/// <summary>How the UI writes days, instants and numbers: Vietnamese conventions, Vietnamese time.</summary>
public static class Formats
{
    public const string DayPattern = "dd/MM/yyyy";

    public static string Day(DateOnly? day) => day?.ToString(DayPattern, CultureInfo.InvariantCulture) ?? "";

    public static string Instant(DateTime? utc) =>
        utc is { } u ? new DateTimeOffset(DateTime.SpecifyKind(u, DateTimeKind.Utc)).ToOffset(VietnamClock.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>The one way the UI writes a percent: decimal comma, no space ("45,5%", "100%").</summary>
    public static string Percent(decimal value) => value.ToString("0.#", CultureInfo.GetCultureInfo("vi-VN")) + "%";

    public static string Percent(int value) => Percent((decimal)value);
}
