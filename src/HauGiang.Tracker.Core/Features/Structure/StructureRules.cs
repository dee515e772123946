using System.Globalization;
using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Structure;

/// <summary>
/// The checks an item, unit or indicator must pass, wherever it comes from (a form or a workbook row),
/// so both say the same thing in the same words.
/// </summary>
public static partial class StructureRules
{
    public const decimal MaxWeight = 1000m;

    public static string? CodeProblem(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "Nhập mã."
        : code.Length > TextLimits.Code ? $"Mã không quá {TextLimits.Code} ký tự."
        : !CodePattern().IsMatch(code) ? "Mã chỉ gồm chữ, số và các dấu . - _ /, không có khoảng trắng."
        : null;

    public static string? RequiredText(string? value, int limit, string what) =>
        string.IsNullOrWhiteSpace(value) ? $"Nhập {what}." : TextProblem(value, limit, what);

    public static string? TextProblem(string? value, int limit, string what) =>
        value is not null && value.Length > limit ? $"{Capitalize(what)} không quá {limit} ký tự (đang có {value.Length})." : null;

    public static string? WeightProblem(decimal weight) =>
        weight <= 0 || weight > MaxWeight ? $"Trọng số phải lớn hơn 0 và không quá {MaxWeight.ToString(CultureInfo.InvariantCulture)}." : null;

    /// <summary>Reads a deadline as the program words it; an empty one is "not yet set".</summary>
    public static (Deadline Deadline, string? Problem) ReadDeadline(string? text, int firstYear, int lastYear)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (Deadline.Unspecified, null);
        }
        return DeadlineParser.TryParse(text, firstYear, lastYear, out var deadline)
            ? (deadline, null)
            : (Deadline.Unspecified, $"Không hiểu thời hạn “{text.Trim()}”. Ví dụ đúng: 30/06/2022, trước ngày 30/6/2022, Quý III/2021, Năm 2022, giai đoạn 2023–2025, Hằng năm, Thường xuyên.");
    }

    public static string? StartProblem(DateOnly? startsOn, Deadline deadline) =>
        startsOn is { } start && deadline.HasDueDate && deadline.DueDate < start
            ? $"Thời hạn ({deadline.DueDate:dd/MM/yyyy}) không được trước ngày bắt đầu ({start:dd/MM/yyyy})."
            : null;

    /// <summary>The codes on the way from an item up through its parents, if that way runs in a circle.</summary>
    public static IReadOnlyList<string>? FindCycle(string code, IReadOnlyDictionary<string, string?> parentOf)
    {
        ArgumentNullException.ThrowIfNull(parentOf);
        var path = new List<string> { code };
        var current = code;
        while (parentOf.TryGetValue(current, out var parent) && parent is not null)
        {
            if (parent == code)
            {
                path.Add(parent);
                return path;
            }
            if (path.Contains(parent) || path.Count > parentOf.Count + 1)
            {
                return null; // a loop above this item, reported on the items that form it
            }
            path.Add(parent);
            current = parent;
        }
        return null;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.GetCultureInfo("vi-VN")) + text[1..];

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._/\-]*$")]
    private static partial Regex CodePattern();
}
