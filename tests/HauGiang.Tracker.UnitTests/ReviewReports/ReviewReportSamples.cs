using System.Runtime.CompilerServices;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.ReviewReports;

namespace HauGiang.Tracker.UnitTests.ReviewReports;

/// <summary>A small report built by hand: every cell kind, a null, and a text that needs quoting in a CSV.</summary>
internal static class ReviewReportSamples
{
    public const string Awkward = "Sở Kế hoạch và Đầu tư, \"đầu mối\"\nlần 2";
    public static readonly DateTime Issued = new(2026, 12, 2, 7, 5, 0, DateTimeKind.Utc);
    public static readonly ExportStamp Stamp = new(Issued, "Nguyễn Văn An", "1a2b3c4d5e6f7a8b", "1A2B-3C4D-5E6F");

    public static readonly ReportColumn[] ItemColumns =
    [
        new("Mã", CellKind.Text, 8),
        new("Đơn vị chủ trì", CellKind.Text, 30),
        new("Tình trạng", CellKind.Text, 14),
        new("Hạn", CellKind.Date, 12),
        new("Cập nhật lúc", CellKind.DateTime, 17),
        new("Tiến độ", CellKind.Percent, 10),
        new("Số báo cáo", CellKind.Integer, 10),
    ];

    /// <summary>The second row's update, 20:30 UTC on 30/11, is 03:30 on 01/12 in Vietnam.</summary>
    public static readonly object?[][] Items =
    [
        ["NV-01", Awkward, "Quá hạn", new DateOnly(2026, 3, 31), new DateTime(2026, 11, 30, 20, 30, 0, DateTimeKind.Utc), 0.456m, 3],
        ["NV-02", "Sở Nội vụ", "Đúng hạn", null, null, 1m, 0],
    ];

    public static ReviewReport Report(bool provisional = false) => new(
        new ReportHeader(IssuerForm.Party, "TỈNH ỦY HẬU GIANG", "BAN THƯỜNG VỤ", "Số       -BC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", null,
            "Hậu Giang, ngày 02 tháng 12 năm 2026", "BÁO CÁO", "Kết quả thực hiện Chương trình 50-CTr/TU quý IV năm 2026",
            "Phạm vi: Đột phá 1", "Kỳ báo cáo: 01/10/2026 - 31/12/2026 (92 ngày)", "Số liệu chốt khi kỳ báo cáo đóng", provisional),
        [],
        [
            ReportTable.Of("Theo tình trạng", "Bảng 1. Nhiệm vụ theo tình trạng",
                [new("Tình trạng", CellKind.Text, 20), new("Số nhiệm vụ", CellKind.Integer, 12), new("Tỷ lệ", CellKind.Percent, 10)],
                [["Quá hạn", 4, 0.25m], ["Đúng hạn", 12, 0.75m]], note: "Xếp theo số nhiệm vụ giảm dần."),
            ReportTable.Of("Theo đơn vị", "Bảng 2. Nhiệm vụ theo đơn vị",
                [new("Đơn vị", CellKind.Text, 30), new("Số nhiệm vụ", CellKind.Integer, 12)],
                [["Sở Kế hoạch và Đầu tư", 16]]),
        ],
        [
            ReportTable.Of("Nhiệm vụ Đột phá 1", "Phụ lục 1. Danh mục nhiệm vụ", ItemColumns, Items),
            ReportTable.Of("Văn bản", "Phụ lục 2. Văn bản", [new("Tên văn bản", CellKind.Text, 40)], [["Kế hoạch 12-KH/TU"]], printed: false),
        ],
        "bao-cao-50-CTr-TU-quy-IV-2026");

    /// <summary>A report whose one detail table yields <paramref name="rows"/> rows of 12 columns, made as they are read.</summary>
    public static ReviewReport Large(int rows)
    {
        CellKind[] kinds =
        [
            CellKind.Text, CellKind.Integer, CellKind.Percent, CellKind.Date, CellKind.DateTime, CellKind.Text,
            CellKind.Integer, CellKind.Percent, CellKind.DateTime, CellKind.Text, CellKind.Integer, CellKind.DateTime,
        ];
        var columns = kinds.Select((kind, i) => new ReportColumn($"Cột {i + 1}", kind, 12)).ToArray();
        var table = new ReportTable("Chi tiết", "Chi tiết", columns, rows, ct => Generate(rows, ct), Printed: false);
        return Report() with { Details = [table] };
    }

    private static async IAsyncEnumerable<object?[]> Generate(int rows, [EnumeratorCancellation] CancellationToken ct)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var r = 0; r < rows; r++)
        {
            ct.ThrowIfCancellationRequested();
            if (r % 5000 == 0)
            {
                await Task.Yield();
            }
            yield return
            [
                $"NV-{r:D6}", r, r % 1000 / 1000m, DateOnly.FromDayNumber(739000 + r % 500), start.AddMinutes(r), $"Đơn vị {r % 40}",
                r * 2, 0.5m, start.AddHours(r), "Quá hạn", r % 7, start,
            ];
        }
    }
}
