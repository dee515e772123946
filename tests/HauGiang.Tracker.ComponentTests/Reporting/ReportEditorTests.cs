using AngleSharp.Dom;
using Bunit;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Web.Components.Pages.Reporting;

namespace HauGiang.Tracker.ComponentTests.Reporting;

public class ReportEditorTests : ComponentTest
{
    private static readonly PeriodChoice Current = new(7, "Quý IV/2026", new DateOnly(2026, 9, 15), new DateOnly(2026, 12, 14), PeriodState.Open);

    private static ReportView Report(ReviewState state, int percent = 40, string? note = null, IReadOnlyList<EvidenceView>? evidence = null, int? corrects = null) =>
        new(11, 3, 5, Current.Id, Current.Label, PeriodState.Open, 2, "Sở Giáo dục và Đào tạo", false,
            new ReportInput(5, Current.Id, percent, "Đã xây dựng dự thảo kế hoạch.", "Thiếu kinh phí.", null, "Trình ký trong tháng 12.", null),
            state, new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), null, null, null, null, note, corrects, null, evidence ?? [], []);

    private static ReportForm Form(ReportView? report, string? blocked = null, ReportView? corrected = null) =>
        new(5, "NV-04", "Nâng tỷ lệ trường đạt chuẩn quốc gia", WorkItemKind.Task, false, "Sở Giáo dục và Đào tạo", [Current], Current, report, corrected, blocked);

    private IRenderedComponent<ReportEditor> Editor(ReportForm form, Func<ReportInput, bool, Task<OperationResult>>? save = null) =>
        Render<ReportEditor>(p => p.Add(c => c.Form, form).Add(c => c.OnSave, save ?? ((_, _) => Task.FromResult(OperationResult.Success)))
            .Add(c => c.OnAddLink, _ => Task.FromResult(OperationResult.Success)).Add(c => c.OnAddFile, _ => Task.FromResult(OperationResult.Success)));

    /// <summary>The MudBlazor control around a field, where its label, input and message are.</summary>
    private static IElement Control(IRenderedComponent<ReportEditor> cut, string field) =>
        cut.Find($"[data-field={field}]").Closest(".mud-input-control") ?? throw new InvalidOperationException(field);

    /// <summary>What a text field shows as typed.</summary>
    private static string? Typed(IRenderedComponent<ReportEditor> cut, string field) =>
        Control(cut, field).QuerySelector("textarea, input") is { } box ? box.GetAttribute("value") ?? box.TextContent : null;

    [Fact]
    public void The_services_messages_appear_next_to_their_fields()
    {
        var refusal = new OperationResult(new Dictionary<string, string>
        {
            ["Percent"] = "Tỷ lệ hoàn thành phải từ 0 đến 100 (%).",
            ["Results"] = "Nêu kết quả đạt được trong kỳ trước khi gửi báo cáo.",
            ["Evidence"] = "Báo cáo hoàn thành 100% phải kèm minh chứng (tệp, văn bản đã ban hành hoặc đường dẫn).",
            [""] = "Báo cáo vừa được người khác sửa.",
        });
        var cut = Editor(Form(Report(ReviewState.Draft)), (_, _) => Task.FromResult(refusal));

        cut.Find("[data-testid=submit-report]").Click();

        Assert.Contains("Tỷ lệ hoàn thành phải từ 0 đến 100 (%).", Control(cut, "percent").TextContent, StringComparison.Ordinal);
        Assert.Contains("Nêu kết quả đạt được trong kỳ trước khi gửi báo cáo.", Control(cut, "results").TextContent, StringComparison.Ordinal);
        // The field without a message still shows what was typed in it, and no one else's message.
        Assert.Equal("Thiếu kinh phí.", Typed(cut, "obstacles"));
        Assert.DoesNotContain("Nêu kết quả", Control(cut, "obstacles").TextContent, StringComparison.Ordinal);
        Assert.Contains("phải kèm minh chứng", cut.Find("[data-testid=evidence-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Báo cáo vừa được người khác sửa.", cut.Find("[data-testid=form-error]").TextContent.Trim());
    }

    [Fact]
    public void What_the_person_typed_is_what_is_saved_and_submit_says_so()
    {
        (ReportInput Input, bool Submit)? saved = null;
        var cut = Editor(Form(null), (input, submit) =>
        {
            saved = (input, submit);
            return Task.FromResult(OperationResult.Success);
        });

        cut.Find("[data-field=percent] input, input[data-field=percent]").Change("60");
        cut.Find("[data-field=results] textarea, textarea[data-field=results]").Change("Đã tổ chức 3 lớp tập huấn.");
        cut.Find("[data-field=next-steps] textarea, textarea[data-field=next-steps]").Change("Tổng kết trong quý I/2027.");
        cut.Find("[data-testid=submit-report]").Click();

        Assert.NotNull(saved);
        Assert.True(saved.Value.Submit);
        Assert.Equal((5, Current.Id, 60, "Đã tổ chức 3 lớp tập huấn.", "Tổng kết trong quý I/2027.", (DateOnly?)null),
            (saved.Value.Input.ItemId, saved.Value.Input.PeriodId, saved.Value.Input.Percent, saved.Value.Input.Results, saved.Value.Input.NextSteps, saved.Value.Input.AchievedOn));
    }

    [Fact]
    public void A_returned_report_shows_why_and_stays_editable()
    {
        var cut = Editor(Form(Report(ReviewState.Returned, note: "Số liệu chưa khớp với báo cáo tháng.")));

        Assert.Contains("Số liệu chưa khớp với báo cáo tháng.", cut.Find("[data-testid=return-reason]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=submit-report]"));
        Assert.Single(cut.FindAll("[data-testid=add-link]"));
    }

    [Fact]
    public void A_report_awaiting_confirmation_is_read_only_with_the_reason()
    {
        var cut = Editor(Form(Report(ReviewState.Submitted), blocked: "Báo cáo đang chờ Văn phòng theo dõi xác nhận; chưa sửa được."));

        Assert.Contains("chờ Văn phòng theo dõi xác nhận", cut.Find("[data-testid=blocked]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Đã xây dựng dự thảo kế hoạch.", Typed(cut, "results"));
        Assert.Empty(cut.FindAll("[data-testid=submit-report]"));
        Assert.Empty(cut.FindAll("[data-testid=save-draft]"));
        Assert.Empty(cut.FindAll("[data-testid=add-link]"));
        Assert.True(Control(cut, "results").QuerySelector("textarea")!.HasAttribute("disabled"));
    }

    [Fact]
    public void Changing_a_confirmed_report_is_announced_as_a_correction()
    {
        var cut = Editor(Form(Report(ReviewState.Confirmed, percent: 50)));

        Assert.Contains("Lưu thay đổi sẽ tạo bản đính chính", cut.Find("[data-testid=correction-notice]").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=save-draft]"));
    }

    [Fact]
    public void Evidence_waits_for_a_saved_draft_then_lists_size_and_hash()
    {
        var before = Editor(Form(null));
        Assert.Contains("Lưu nháp", before.Find("[data-testid=evidence-after-draft]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(before.FindAll("[data-testid=add-link]"));

        var file = new EvidenceView(9, EvidenceKind.File, null, "ke-hoach.pdf", 250_880, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", null, null, null);
        var after = Editor(Form(Report(ReviewState.Draft, evidence: [file])));

        var row = after.Find("[data-evidence='9']");
        Assert.Contains("ke-hoach.pdf", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("245 KB", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("SHA-256 9f86d081884c…", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("tep/minh-chung/9", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Single(after.FindAll("[data-testid=remove-evidence]"));
    }

    [Fact]
    public void The_completion_date_is_asked_for_only_at_100_percent()
    {
        var cut = Editor(Form(Report(ReviewState.Draft, percent: 40)));
        Assert.True(Control(cut, "achieved-on").QuerySelector("input")!.HasAttribute("disabled"));

        cut.Find("[data-field=percent] input, input[data-field=percent]").Change("100");

        Assert.False(Control(cut, "achieved-on").QuerySelector("input")!.HasAttribute("disabled"));
    }
}
