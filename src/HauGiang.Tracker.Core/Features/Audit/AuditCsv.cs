using System.Globalization;
using System.Text;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Audit;

/// <summary>The trail as CSV that Excel opens with Vietnamese intact: UTF-8 with a byte-order mark, RFC 4180 quoting.</summary>
public static class AuditCsv
{
    public static readonly string[] Header =
    [
        "STT", "Thời điểm (giờ Việt Nam)", "Người thực hiện", "Mã người dùng", "Loại", "Thao tác", "Đối tượng", "Khóa",
        "Nhiệm vụ/văn bản", "Đơn vị", "Kỳ báo cáo", "Giá trị trước", "Giá trị sau", "Lý do", "Địa chỉ máy", "Mã băm",
    ];

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditRow> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Line(Header));
        await foreach (var r in rows.WithCancellation(ct))
        {
            var local = new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)).ToOffset(VietnamClock.Offset);
            await writer.WriteLineAsync(Line(
            [
                r.Id.ToString(CultureInfo.InvariantCulture), local.ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
                r.UserName, r.UserId, r.Category.ToString(), r.Action, r.EntityType, r.EntityKey, r.ItemCode, r.UnitName, r.PeriodLabel,
                r.Before, r.After, r.Reason, r.ClientAddress, r.Hash,
            ]));
        }
        await writer.FlushAsync(ct);
    }

    public static string Line(IEnumerable<string?> fields) => string.Join(",", fields.Select(Quote));

    // Quotes what needs it, and defuses spreadsheet formulas (a cell starting with = + - @).
    private static string Quote(string? field)
    {
        var value = field ?? "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
