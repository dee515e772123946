using Bunit;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Web.Components.Pages.Reporting;

namespace HauGiang.Tracker.ComponentTests.Reporting;

public class ReportCardTests : ComponentTest
{
    private static ReportView View(ReviewState state, int? corrects = null, int? supersededBy = null, string? note = null, IReadOnlyList<ReviewEventView>? events = null) =>
        new(21, 1, 5, 7, "Quý III/2026", PeriodState.Closed, 2, "Sở Giáo dục và Đào tạo", true,
            new ReportInput(5, 7, 65, "Đính chính: đạt 65%.", null, "Bổ sung kinh phí.", "Tiếp tục.", null), state,
            new DateTime(2026, 10, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 2, 3, 30, 0, DateTimeKind.Utc), "Cán bộ Sở GD&ĐT", null, null, note,
            corrects, supersededBy, [new EvidenceView(3, EvidenceKind.Link, "Tin bài", null, null, null, null, null, "https://haugiang.gov.vn/tin")], events ?? []);

    [Fact]
    public void A_correction_of_a_closed_period_says_so_with_its_state_and_sections()
    {
        var cut = Render<ReportCard>(p => p.Add(c => c.Report, View(ReviewState.Submitted, corrects: 20)));

        Assert.Equal("Chờ xác nhận", cut.Find("[data-review]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-flag=correction]"));
        Assert.Contains("Báo cáo phối hợp", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("65%", cut.Find("[data-field=percent]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Đề xuất, kiến nghị", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Khó khăn, vướng mắc", cut.Markup, StringComparison.Ordinal); // an empty section is left out
        Assert.Contains("Cán bộ Sở GD&ĐT gửi lúc 02/10/2026 10:30", cut.Find("[data-report]").TextContent, StringComparison.Ordinal);
        Assert.Equal("https://haugiang.gov.vn/tin", cut.Find("[data-evidence='3'] a").GetAttribute("href"));
    }

    [Fact]
    public void A_returned_report_carries_the_reason_and_a_replaced_one_is_marked()
    {
        var returned = Render<ReportCard>(p => p.Add(c => c.Report, View(ReviewState.Returned, note: "Thiếu số liệu tháng 9.", events:
        [
            new(ReviewState.Draft, ReviewState.Submitted, new DateTime(2026, 10, 2, 3, 30, 0, DateTimeKind.Utc), "Cán bộ Sở GD&ĐT", null),
            new(ReviewState.Submitted, ReviewState.Returned, new DateTime(2026, 10, 5, 2, 0, 0, DateTimeKind.Utc), "Văn phòng", "Thiếu số liệu tháng 9."),
        ])));
        Assert.Contains("Thiếu số liệu tháng 9.", returned.Find("[data-testid=return-reason]").TextContent, StringComparison.Ordinal);
        var steps = returned.FindAll("[data-testid=review-history] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, steps.Count);
        Assert.Matches(@"^05/10/2026 09:00\s*·\s*Văn phòng\s*·\s*Chờ xác nhận\s*→\s*Bị trả lại\s*·\s*Thiếu số liệu tháng 9\.$", steps[1]);

        var replaced = Render<ReportCard>(p => p.Add(c => c.Report, View(ReviewState.Confirmed, supersededBy: 22)));
        Assert.Single(replaced.FindAll("[data-flag=superseded]"));
        Assert.Equal("Đã xác nhận", replaced.Find("[data-review]").TextContent.Trim());
        Assert.Contains("65%", replaced.Find("[data-field=percent]").TextContent, StringComparison.Ordinal);
        Assert.Empty(replaced.FindAll("[data-testid=return-reason]"));
    }
}
