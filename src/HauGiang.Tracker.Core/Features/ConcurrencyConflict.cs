using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features;

/// <summary>
/// Turns a refused save (someone else saved first) into words: which fields the other person changed,
/// and to what, so nobody overwrites them without knowing.
/// </summary>
public static class ConcurrencyConflict
{
    public static async Task<OperationResult> DescribeAsync(DbUpdateConcurrencyException exception, IReadOnlyDictionary<string, string> labels, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(labels);
        var changes = new List<string>();
        foreach (var entry in exception.Entries)
        {
            var current = await entry.GetDatabaseValuesAsync(ct);
            if (current is null)
            {
                return OperationResult.Form("Mục này vừa bị người khác xóa. Tải lại trang để xem danh sách mới.");
            }
            foreach (var property in entry.Properties.Where(p => labels.ContainsKey(p.Metadata.Name)))
            {
                var theirs = current[property.Metadata.Name];
                if (!Equals(theirs, property.OriginalValue))
                {
                    changes.Add($"{labels[property.Metadata.Name]}: “{Show(property.OriginalValue)}” → “{Show(theirs)}”");
                }
            }
        }
        var what = changes.Count == 0 ? "" : " Những gì đã đổi: " + string.Join("; ", changes) + ".";
        return OperationResult.Form($"Người khác vừa lưu thay đổi cho mục này trước bạn, nên thay đổi của bạn chưa được lưu.{what} Tải lại để xem bản mới rồi sửa lại.");
    }

    /// <summary>
    /// The refusal when the version a person edited is no longer the saved one: each field that someone
    /// else changed since, as (label, what the person saw, what is saved now).
    /// </summary>
    public static OperationResult Describe(IEnumerable<(string Label, string? Seen, string? Now)> fields)
    {
        var changes = fields.Where(f => !string.Equals(f.Seen ?? "", f.Now ?? "", StringComparison.Ordinal))
            .Select(f => $"{f.Label}: “{Show(f.Seen)}” → “{Show(f.Now)}”").ToList();
        var what = changes.Count == 0 ? "" : " Những gì đã đổi: " + string.Join("; ", changes) + ".";
        return OperationResult.Form($"Người khác vừa lưu thay đổi cho mục này trước bạn, nên thay đổi của bạn chưa được lưu.{what} Tải lại để xem bản mới rồi sửa lại.");
    }

    private static string Show(object? value) => value switch
    {
        null => "(trống)",
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        string s when s.Length > 80 => s[..80] + "…",
        _ => Convert.ToString(value, CultureInfo.GetCultureInfo("vi-VN")) ?? "",
    };
}
