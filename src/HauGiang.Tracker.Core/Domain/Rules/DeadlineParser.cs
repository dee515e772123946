using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>
/// Reads a deadline as programs write it in Vietnamese ("Quý III/2021", "trước ngày 30/6/2022",
/// "giai đoạn 2023 - 2025", "hằng năm", "thường xuyên"). Recurring forms need the years they recur in.
/// </summary>
public static partial class DeadlineParser
{
    /// <summary>How the workbook and the forms write a deadline: its own words, or the day; parsing it back gives the same deadline.</summary>
    public static string Format(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return deadline.Kind switch
        {
            DeadlineKind.Unspecified => "",
            DeadlineKind.Date when deadline.Label is null => deadline.DueDate!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            _ => deadline.Label ?? "",
        };
    }

    public static bool TryParse(string? text, int firstYear, int lastYear, out Deadline deadline)
    {
        deadline = Deadline.Unspecified;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var label = Spaces().Replace(text.Normalize(NormalizationForm.FormC).Trim(), " ");
        var t = Prefix().Replace(Dashes().Replace(label, "-").ToLower(CultureInfo.GetCultureInfo("vi-VN")), string.Empty);
        var parsed = ParseCore(t, label, firstYear, lastYear);
        if (parsed is null)
        {
            return false;
        }
        deadline = parsed;
        return true;
    }

    private static Deadline? ParseCore(string t, string label, int firstYear, int lastYear)
    {
        if (t is "thường xuyên" or "liên tục" or "thường xuyên, liên tục" or "định kỳ")
        {
            return Deadline.Ongoing(label);
        }
        if (RecurrenceOf(t) is { } every)
        {
            if (lastYear < firstYear)
            {
                return null;
            }
            var first = EndOfMonth(firstYear, (int)every);
            return Deadline.Recurring(every, first, new DateOnly(lastYear, 12, 31), label);
        }
        if (DayPattern().Match(t) is { Success: true } d)
        {
            // A bare date needs no words beside it; "trước ngày 30/6/2022" keeps its own.
            var bare = DayPattern().IsMatch(label);
            return TryDate(Int(d.Groups["y"]), Int(d.Groups["m"]), Int(d.Groups["d"])) is { } day ? Deadline.On(day, bare ? null : label) : null;
        }
        if (QuarterPattern().Match(t) is { Success: true } q)
        {
            var quarter = Array.IndexOf(["i", "ii", "iii", "iv"], q.Groups["q"].Value) + 1;
            quarter = quarter > 0 ? quarter : Int(q.Groups["q"]);
            return PeriodEnd(label, Int(q.Groups["y"]), quarter * 3);
        }
        if (MonthPattern().Match(t) is { Success: true } m)
        {
            return PeriodEnd(label, Int(m.Groups["y"]), Int(m.Groups["m"]));
        }
        if (HalfPattern().Match(t) is { Success: true } h)
        {
            return PeriodEnd(label, Int(h.Groups["y"]), h.Groups["half"].Value == "đầu" ? 6 : 12);
        }
        if (YearPattern().Match(t) is { Success: true } y)
        {
            return PeriodEnd(label, Int(y.Groups["y"]), 12);
        }
        if (RangePattern().Match(t) is { Success: true } r && Int(r.Groups["from"]) <= Int(r.Groups["to"]))
        {
            return PeriodEnd(label, Int(r.Groups["to"]), 12);
        }
        return null;
    }

    private static Recurrence? RecurrenceOf(string t) => t switch
    {
        "hằng năm" or "hàng năm" or "từng năm" or "định kỳ hằng năm" or "định kỳ hàng năm" => Recurrence.Yearly,
        "định kỳ 6 tháng" or "6 tháng một lần" or "hằng 6 tháng" or "định kỳ 6 tháng một lần" => Recurrence.HalfYearly,
        "hằng quý" or "hàng quý" or "định kỳ hằng quý" or "định kỳ hàng quý" => Recurrence.Quarterly,
        "hằng tháng" or "hàng tháng" or "định kỳ hằng tháng" or "định kỳ hàng tháng" => Recurrence.Monthly,
        _ => null,
    };

    private static Deadline? PeriodEnd(string label, int year, int month) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 ? Deadline.EndOf(label, EndOfMonth(year, month)) : null;

    private static DateOnly EndOfMonth(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    private static DateOnly? TryDate(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static int Int(Group g) => int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(hoàn thành\s+)?(chậm nhất\s+|trước\s+|trong\s+|đến\s+|vào\s+)?(ngày\s+)?")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>\d{4})$")]
    private static partial Regex DayPattern();

    [GeneratedRegex(@"^quý\s+(?<q>iv|iii|ii|i|[1-4])(\s*/\s*|\s+năm\s+)(?<y>\d{4})$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^tháng\s+(?<m>\d{1,2})(\s*/\s*|\s+năm\s+)(?<y>\d{4})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^6 tháng (?<half>đầu|cuối) năm (?<y>\d{4})$")]
    private static partial Regex HalfPattern();

    [GeneratedRegex(@"^năm (?<y>\d{4})$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^((cuối\s+)?(giai đoạn|nhiệm kỳ)\s+)?(?<from>\d{4})\s*-\s*(?<to>\d{4})$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"[\u2010-\u2015\u2212]")]
    private static partial Regex Dashes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
