using System.Globalization;
using HauGiang.Tracker.Core;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.ReviewReports;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Times the review report files (issue 14) through the Core's writers, into a file on disk as the page writes them:
/// a detail sheet of <c>--rows</c> (100,000) report rows in the workbook and in the CSV zip, and a printed report of
/// about 50 pages (an appendix of <c>--printed-rows</c> items) in PDF and Word. With <c>--connection</c>, also the whole
/// export of the largest program's review through <see cref="ReviewExportService"/> (the read model, the content hash
/// pass, the file, the record), in every format. Prints Markdown tables.
/// </summary>
internal static class ReviewCommand
{
    private static readonly ReportColumn[] ReportColumns =
    [
        new("Số báo cáo", CellKind.Integer, 9), new("Mã", CellKind.Text, 8), new("Nội dung", CellKind.Text, 40), new("Đơn vị báo cáo", CellKind.Text, 28),
        new("Vai trò", CellKind.Text, 10), new("Tiến độ", CellKind.Percent, 9), new("Trạng thái", CellKind.Text, 12), new("Nộp lúc", CellKind.DateTime, 16),
        new("Người nộp", CellKind.Text, 20), new("Xác nhận lúc", CellKind.DateTime, 16), new("Kết quả đạt được", CellKind.Text, 50),
        new("Khó khăn, vướng mắc", CellKind.Text, 40), new("Đề xuất, kiến nghị", CellKind.Text, 40), new("Nhiệm vụ tiếp theo", CellKind.Text, 40),
    ];

    private static readonly ReportColumn[] ItemColumns =
    [
        new("Mã", CellKind.Text, 8), new("Nội dung", CellKind.Text, 48), new("Đột phá", CellKind.Text, 10), new("Nhóm", CellKind.Text, 10),
        new("Đơn vị chủ trì", CellKind.Text, 28), new("Thời hạn", CellKind.Text, 18), new("Hạn", CellKind.Date, 11), new("Tình trạng", CellKind.Text, 22),
        new("Tiến độ", CellKind.Percent, 9), new("Ngày hoàn thành", CellKind.Date, 11), new("Báo cáo gần nhất", CellKind.DateTime, 16),
    ];

    public static async Task<int> RunAsync(CommandLine args, CancellationToken ct)
    {
        var rows = args.Number("rows", 100_000);
        var printedRows = args.Number("printed-rows", 1_500);
        var runs = args.Number("runs", 5);
        var connection = args.Optional("connection");
        var services = new ServiceCollection().AddLogging().AddTrackerCore(connection ?? "Host=unused").BuildServiceProvider();
        await using var _ = services;
        var writers = services.GetServices<IReviewReportWriter>().ToDictionary(w => w.Format);
        var directory = Directory.CreateTempSubdirectory("review-bench-");
        try
        {
            var stamp = new ExportStamp(DateTime.UtcNow, "Kiểm tra thử", new string('a', 64), "AAAA-AAAA-AAAA");
            Console.WriteLine($"Review report files written by the Core's writers into a file on disk (as the page does), {runs} writes per row after one warm-up; " +
                              "memory as MemoryProbe measures it (allocated over the write; peak heap growth sampled every 5 ms; peak RSS of the whole process).");
            Console.WriteLine();
            Console.WriteLine("| file | rows | pages | size (KB) | median (ms) | p95 (ms) | max (ms) | allocated (MB) | peak heap growth (MB) | peak RSS (MB) | RSS before (MB) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            var detail = Synthetic(rows, printedRows: 0);
            var printed = Synthetic(0, printedRows);
            foreach (var (format, report, label) in new[]
            {
                (ReportFormat.Xlsx, detail, $"xlsx, a detail sheet of {rows:N0} report rows"),
                (ReportFormat.Csv, detail, $"CSV zip, a file of {rows:N0} report rows"),
                (ReportFormat.Pdf, printed, $"PDF, an appendix of {printedRows:N0} items"),
                (ReportFormat.Docx, printed, $"docx, an appendix of {printedRows:N0} items"),
            })
            {
                await MeasureAsync(label, rows: report.Details.Sum(t => t.RowCount), runs, directory.FullName, format, async file =>
                    await writers[format].WriteAsync(report, stamp, file, null, ct), ct);
            }
            Console.WriteLine();

            if (connection is not null)
            {
                await ExportsAsync(services, runs, directory.FullName, ct);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
        return 0;
    }

    private static async Task MeasureAsync(string label, int rows, int runs, string directory, ReportFormat format, Func<FileStream, Task> write, CancellationToken ct)
    {
        var times = new List<double>();
        double allocated = 0, heap = 0, rssBefore = 0;
        double? peakRss = 0;
        long size = 0;
        int? pages = null;
        for (var run = 0; run <= runs; run++)
        {
            ct.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, $"{format}-{run}");
            var cost = await MemoryProbe.MeasureAsync(async () =>
            {
                await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
                await write(file);
            });
            size = new FileInfo(path).Length;
            if (format == ReportFormat.Pdf)
            {
                using var pdf = UglyToad.PdfPig.PdfDocument.Open(path);
                pages = pdf.NumberOfPages;
            }
            File.Delete(path);
            if (run > 0)
            {
                times.Add(cost.Ms);
                allocated = Math.Max(allocated, cost.AllocatedMb);
                heap = Math.Max(heap, cost.PeakHeapGrowthMb);
                peakRss = cost.PeakRssMb is { } p && peakRss is { } q ? Math.Max(p, q) : null;
                rssBefore = Math.Max(rssBefore, cost.RssBeforeMb);
            }
        }
        var s = Summary.Of(times);
        Console.WriteLine($"| {label} | {Summary.Number(rows)} | {(pages is { } n ? Summary.Number(n) : "–")} | {Summary.Number(size / 1024.0)} | {Summary.Number(s.Median)} | " +
                          $"{Summary.Number(s.P95)} | {Summary.Number(s.Max)} | {Summary.Number(allocated)} | {Summary.Number(heap)} | " +
                          $"{(peakRss is { } rss ? Summary.Number(rss) : "–")} | {Summary.Number(rssBefore)} |");
        Progress.Say($"review: {label} done");
    }

    // The largest program's review, as an auditor asks for it on the page: the end-of-term review when there is one, else the term so far.
    private static async Task ExportsAsync(IServiceProvider services, int runs, string directory, CancellationToken ct)
    {
        var overview = services.GetRequiredService<OverviewService>();
        var builder = services.GetRequiredService<ReviewReportBuilder>();
        var exports = services.GetRequiredService<ReviewExportService>();
        var today = VietnamClock.Today(services.GetRequiredService<TimeProvider>());
        (ProgramRef Program, int Items)? largest = null;
        foreach (var p in await overview.ProgramsAsync(ct))
        {
            var facts = (await overview.OverviewAsync(new FactsRequest(p.Id), ItemFilter.Real, ct))!.Facts;
            if (largest is null || facts.Items.Count > largest.Value.Items)
            {
                largest = (p, facts.Items.Count);
            }
        }
        var program = largest!.Value.Program;
        var period = (await builder.PeriodsAsync(program.Id, ct)).FirstOrDefault(p => p.Kind == PeriodKind.EndOfTermReview);
        var requests = new List<(string Label, ReviewReportRequest Request)>();
        if (period is not null)
        {
            requests.Add(("the end-of-term review", new ReviewReportRequest(program.Id, period.Id, null, null, ItemFilter.Real)));
        }
        // Every report submitted in the term so far: the largest detail sheet a user can ask for.
        requests.Add(("the term so far as a range of days", new ReviewReportRequest(program.Id, null, new DateOnly(program.TermStartYear, 1, 1), today, ItemFilter.Real)));
        var auditor = new Actor("bench-auditor", "Kiểm tra (benchmark)", new HashSet<string> { Roles.Auditor }, new HashSet<int>());
        foreach (var (label, request) in requests)
        {
            var (report, error) = await builder.BuildAsync(request, ct);
            if (report is null)
            {
                throw new InvalidOperationException(error);
            }
            Console.WriteLine($"The whole export of {program.Code} ({largest.Value.Items:N0} items), {label} ({report.Header.PeriodLine}), through ReviewExportService: " +
                              "the read model, the content hash pass over every row, the file, its hash and the record. Tables: " +
                              string.Join(", ", report.Summary.Concat(report.Details).Where(t => t.RowCount > 0).Select(t => $"{t.Name} {t.RowCount:N0}")) + ".");
            Console.WriteLine();
            Console.WriteLine("| file | rows | pages | size (KB) | median (ms) | p95 (ms) | max (ms) | allocated (MB) | peak heap growth (MB) | peak RSS (MB) | RSS before (MB) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            var total = report.Summary.Concat(report.Details).Sum(t => t.RowCount);
            foreach (var format in Enum.GetValues<ReportFormat>())
            {
                await MeasureAsync($"{format.ToString().ToLowerInvariant()}, {label}", total, runs, directory, format, async file =>
                {
                    var (issued, problem) = await exports.ExportAsync(auditor, request, format, file, null, ct);
                    _ = issued ?? throw new InvalidOperationException(problem);
                }, ct);
            }
            Console.WriteLine();
        }
        Console.WriteLine("Each export above is recorded (issued_exports and the audit trail) like one from the page.");
    }

    // A report shaped like the builder's, with Vietnamese text of the lengths units write.
    private static ReviewReport Synthetic(int reportRows, int printedRows)
    {
        const string Results = "Đã tổ chức triển khai thực hiện các nội dung theo kế hoạch; hoàn thành khảo sát, đánh giá thực trạng và xây dựng dự thảo đề án trình cấp có thẩm quyền xem xét.";
        const string Obstacles = "Nguồn lực còn hạn chế, việc phối hợp giữa các sở, ngành có lúc chưa kịp thời.";
        const string Proposals = "Đề nghị Ủy ban nhân dân thành phố bố trí kinh phí thực hiện.";
        const string Next = "Tiếp tục hoàn thiện dự thảo, lấy ý kiến các đơn vị liên quan.";
        var start = new DateTime(2025, 1, 15, 2, 0, 0, DateTimeKind.Utc);
        async IAsyncEnumerable<object?[]> Reports()
        {
            for (var i = 0; i < reportRows; i++)
            {
                await Task.CompletedTask;
                yield return [i + 1, $"NV-{i % 5000:0000}", $"Nhiệm vụ số {i % 5000}: nâng cao chất lượng nguồn nhân lực, chuyển đổi số trong cơ quan nhà nước",
                    $"Sở Kế hoạch và Đầu tư thành phố Cần Thơ ({i % 40})", i % 7 == 0 ? "Phối hợp" : "Chủ trì", (i % 101) / 100m, i % 3 == 0 ? "Đã nộp" : "Đã xác nhận",
                    start.AddMinutes(i), "canbo@thu.local", i % 3 == 0 ? null : start.AddMinutes(i + 600), Results, Obstacles, Proposals, Next];
            }
        }
        var items = Enumerable.Range(0, printedRows).Select(i => new object?[]
        {
            $"NV-{i:0000}", $"Nhiệm vụ số {i}: nâng cao chất lượng nguồn nhân lực, chuyển đổi số trong cơ quan nhà nước", "Đột phá 1", "Nhóm 2",
            "Sở Nội vụ thành phố Cần Thơ", "Năm 2025 (31/12/2025)", new DateOnly(2025, 12, 31), "Chưa hoàn thành, quá hạn", (i % 101) / 100m,
            null, start.AddDays(i % 300),
        }).ToList();
        var header = new ReportHeader(IssuerForm.Party, "THÀNH ỦY CẦN THƠ", "BAN THƯỜNG VỤ", "Số       -BC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", null,
            "Cần Thơ, ngày 02 tháng 12 năm 2026", "BÁO CÁO", "Tổng kết thực hiện Chương trình số 50-CTr/TU, nhiệm kỳ 2020 - 2025",
            "Phạm vi: toàn Chương trình", "Kỳ báo cáo: Tổng kết nhiệm kỳ 2020–2025", "Số liệu như đã báo cáo khi kỳ đóng.", false);
        ReportParagraph[] paragraphs = [.. Enumerable.Range(0, 20).Select(i => new ReportParagraph(Results, $"NV-{i:0000} (Sở Nội vụ): ", Bullet: true))];
        List<ReportTable> details = [];
        if (reportRows > 0)
        {
            details.Add(new ReportTable("Báo cáo kỳ", "Báo cáo của các đơn vị trong kỳ", ReportColumns, reportRows, _ => Reports(), Printed: false));
        }
        if (printedRows > 0)
        {
            details.Add(ReportTable.Of("Nhiệm vụ", "Nhiệm vụ, văn bản trong phạm vi báo cáo", ItemColumns, items));
        }
        return new ReviewReport(header,
            [new("I. KẾT QUẢ ĐẠT ĐƯỢC", paragraphs, []), new("II. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN", paragraphs[..5], []), new("III. NHIỆM VỤ, GIẢI PHÁP KỲ TỚI", paragraphs[..5], [])],
            [ReportTable.Of("Tình hình", "Tình hình thực hiện", [new("Chỉ tiêu", CellKind.Text, 44), new("Số lượng", CellKind.Integer, 12), new("Tỷ lệ", CellKind.Percent, 10)],
                [["Tổng số nhiệm vụ, văn bản", printedRows, 1m], ["Chưa hoàn thành, quá hạn", printedRows, 1m]])],
            details, "bao-cao-bench");
    }
}
