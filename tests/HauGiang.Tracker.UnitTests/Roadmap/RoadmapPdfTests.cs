using System.Diagnostics;
using System.Text;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Roadmap;
using UglyToad.PdfPig;

namespace HauGiang.Tracker.UnitTests.Roadmap;

/// <summary>
/// The printed roadmap read back: its text extracted with PdfPig must be the Vietnamese that was drawn (NFC), and
/// its first page is rendered with pdftoppm and kept as an artifact, since only an image shows broken marks.
/// </summary>
public class RoadmapPdfTests
{
    private static readonly RoadmapPdfWords Words = new(
        "Lộ trình thực hiện",
        "Chương trình hành động thực hiện Nghị quyết",
        "Số liệu đến ngày 27/11/2026",
        "Phạm vi: toàn bộ chương trình",
        "Nhiệm vụ, văn bản",
        "Chưa xác định thời hạn",
        "Trang {0}/{1}",
        [(LegendSymbol.Plan, "Kế hoạch: từ ngày bắt đầu đến hạn hiện hành"), (LegendSymbol.Overdue, "Chưa hoàn thành, quá hạn"),
         (LegendSymbol.OriginalDeadline, "Hạn ban đầu"), (LegendSymbol.AdjustedDeadline, "Hạn điều chỉnh"), (LegendSymbol.Milestone, "Mốc tiến độ")],
        h => $"Đột phá {h.Ordinal}: {h.Title}",
        r => r.Milestone is { } m ? $"◆ {m.Title}" : $"{r.Item.Row.Code} {r.Item.Row.Title}",
        r => r.Item.Status.IsOpenUndated ? "Chưa xác định thời hạn" : r.Item.Status.Axis == ProgressAxis.DoneOnTime ? "Đã hoàn thành đúng hạn" : "Chưa hoàn thành, trong hạn");

    private static byte[] Write(ProgramRoadmap roadmap, RoadmapPaper paper, out int pages, TimelineZoom zoom = TimelineZoom.Year)
    {
        using var buffer = new MemoryStream();
        pages = RoadmapPdf.Write(roadmap, zoom, paper, Words, buffer);
        return buffer.ToArray();
    }

    private static ProgramRoadmap Three()
    {
        var (facts, schedules) = RoadmapSamples.Three();
        return RoadmapBuilder.Build(facts, schedules, ItemFilter.Real, RoadmapGrouping.Breakthrough);
    }

    [Fact]
    public void The_text_of_the_printed_roadmap_is_the_Vietnamese_that_was_drawn()
    {
        var pdf = Write(Three(), RoadmapPaper.A4, out var pages);

        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, pages);
        Assert.Equal(1, document.NumberOfPages);
        var text = TextOf(document.GetPage(1));
        foreach (var expected in new[]
        {
            "Lộ trình thực hiện", "Số liệu đến ngày 27/11/2026", "Phạm vi: toàn bộ chương trình", "Nhiệm vụ, văn bản",
            "Đột phá 1: Nâng cao chất lượng nguồn nhân lực (3)", "NV-01 Xây dựng đề án đào tạo nguồn nhân lực chất lượng cao",
            "◆ Trình Ban Thường vụ cho ý kiến dự thảo", "Chưa xác định thời hạn", "Đã hoàn thành đúng hạn", "Hạn điều chỉnh", "Trang 1/1",
        })
        {
            Assert.Contains(expected.Normalize(NormalizationForm.FormC), text, StringComparison.Ordinal);
        }
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        Render(pdf, "lo-trinh-a4");
    }

    [Theory]
    [InlineData(RoadmapPaper.A4)]
    [InlineData(RoadmapPaper.A3)]
    public void A_long_roadmap_takes_the_pages_computed_and_repeats_the_labels_and_numbers_on_each(RoadmapPaper paper)
    {
        var roadmap = RoadmapSamplesMany(400);
        var pdf = Write(roadmap, paper, out var pages, TimelineZoom.Quarter);

        var expected = (roadmap.Lines.Count + RoadmapPdf.LinesPerPage(paper) - 1) / RoadmapPdf.LinesPerPage(paper);
        Assert.Equal(expected, pages);
        Assert.Equal(expected, RoadmapPdf.PageCount(roadmap, paper));
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(expected, document.NumberOfPages);
        var last = TextOf(document.GetPage(expected));
        Assert.Contains("Lộ trình thực hiện", last, StringComparison.Ordinal);
        Assert.Contains("Nhiệm vụ, văn bản", last, StringComparison.Ordinal);
        Assert.Contains($"Trang {expected}/{expected}", last, StringComparison.Ordinal);
        Assert.Contains("NV-0400 Nhiệm vụ số 400", last, StringComparison.Ordinal);
        if (paper == RoadmapPaper.A3)
        {
            Render(pdf, "lo-trinh-a3-quy");
        }
    }

    [Fact]
    public void The_whole_font_is_embedded_so_letters_with_two_marks_draw_whole()
    {
        var pdf = Write(Three(), RoadmapPaper.A4, out _);

        using var document = PdfDocument.Open(pdf);
        var fonts = document.GetPage(1).Letters.Select(l => l.FontName).Distinct().ToList();
        Assert.All(fonts, f => Assert.Contains("DejaVu Sans Condensed", f, StringComparison.Ordinal));
        // A subset would hold only the few glyphs used (tens of KB); the whole regular and bold faces compress to about 0.7 MB.
        Assert.True(pdf.Length > 500_000, $"{pdf.Length} bytes");
    }

    private static string TextOf(UglyToad.PdfPig.Content.Page page) => string.Join(" ", page.GetWords().Select(w => w.Text));

    private static ProgramRoadmap RoadmapSamplesMany(int count)
    {
        var items = Enumerable.Range(1, count).Select(n => RoadmapSamples.Item(n, $"NV-{n:0000}", $"Nhiệm vụ số {n}", Deadline.On(new DateOnly(2025, 12, 31)), startsOn: new DateOnly(2022, 1, 1))).ToArray();
        return RoadmapBuilder.Build(RoadmapSamples.Facts(items), new Dictionary<int, ItemSchedule>(), ItemFilter.Real, RoadmapGrouping.Breakthrough);
    }

    // The first page as a PNG beside the test output (TestResults/roadmap), when poppler-utils is installed
    // (scripts/test.sh installs it); the image is what shows whether ấ, ồ, ệ are drawn whole.
    private static void Render(byte[] pdf, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "roadmap");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, name + ".pdf");
        File.WriteAllBytes(file, pdf);
        if (!File.Exists("/usr/bin/pdftoppm"))
        {
            Assert.Skip("pdftoppm (poppler-utils) is not installed: the PDF is kept, not its image");
        }
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdftoppm", ["-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", file, Path.Combine(folder, name)])
        {
            RedirectStandardError = true,
        })!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        Assert.True(new FileInfo(Path.Combine(folder, name + ".png")).Length > 10_000);
    }
}
