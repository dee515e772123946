using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Periods;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Status;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Explanations;

public class ExplanationIndicatorPeriodTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    [Fact]
    public async Task A_leader_asks_the_lead_unit_which_answers_and_both_stay_on_the_item()
    {
        var explanations = Get<ExplanationService>();
        var item = await ItemIdAsync("NV-03");

        Assert.True((await explanations.RequestAsync(Leader, item, "Vì sao nhiệm vụ quá hạn gần ba năm?", new DateOnly(2026, 12, 15), Ct)).Succeeded);

        var open = Assert.Single(await explanations.OpenForUnitsAsync(new HashSet<int> { Units["CT-TU"] }, Ct));
        Assert.Equal(1, (await Get<UnitWorkService>().ListAsync(Staff("CT-TU"), Ct)).Single(r => r.Item.Code == "NV-03").OpenExplanations);
        await Assert.ThrowsAsync<AccessDeniedException>(() => explanations.AnswerAsync(Staff("CT-STC"), open.Id, open.Version, "Không phải việc của tôi", Ct));
        Assert.Equal("Nhập nội dung giải trình.", (await explanations.AnswerAsync(Staff("CT-TU"), open.Id, open.Version, "  ", Ct)).For("Answer"));
        Assert.True((await explanations.AnswerAsync(Staff("CT-TU"), open.Id, open.Version, "Do chờ hướng dẫn của Trung ương về tiêu chuẩn chức danh.", Ct)).Succeeded);

        Assert.Empty(await explanations.OpenForUnitsAsync(new HashSet<int> { Units["CT-TU"] }, Ct));
        var onItem = Assert.Single(await explanations.ForItemAsync(item, Ct));
        Assert.Equal(("Lãnh đạo thử", "Cán bộ CT-TU"), (onItem.RequestedBy, onItem.AnsweredBy));
    }

    [Fact]
    public async Task Only_leaders_ask_and_a_question_is_required()
    {
        var explanations = Get<ExplanationService>();
        var item = await ItemIdAsync("NV-03");

        await Assert.ThrowsAsync<AccessDeniedException>(() => explanations.RequestAsync(Office, item, "Câu hỏi", null, Ct));
        Assert.Equal("Nêu nội dung cần giải trình.", (await explanations.RequestAsync(Leader, item, "", null, Ct)).For("Question"));
        Assert.Equal("Hạn trả lời không được trước hôm nay.", (await explanations.RequestAsync(Leader, item, "Câu hỏi", new DateOnly(2026, 1, 1), Ct)).For("DueOn"));
    }

    [Fact]
    public async Task The_responsible_unit_records_an_indicator_value_beside_its_target()
    {
        var values = Get<IndicatorValueService>();
        var indicator = (await values.ListAsync(Ct)).Single(i => i.Code == "CT-M01");
        var period = await PeriodAsync("Quý IV/2026");

        Assert.Equal("Ghi nguồn số liệu (ví dụ: báo cáo PCI năm 2024 của VCCI, Cục Thống kê…).", (await values.RecordAsync(Staff("CT-SNV"), indicator.Id, period.Id, 68.5m, " ", null, Ct)).For("SourceNote"));
        Assert.Equal("Chỉ nhập số liệu cho kỳ báo cáo đang mở.", (await values.RecordAsync(Staff("CT-SNV"), indicator.Id, (await PeriodAsync("Quý III/2026")).Id, 1m, "x", null, Ct)).For("PeriodId"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => values.RecordAsync(Staff("CT-STC"), indicator.Id, period.Id, 1m, "x", null, Ct));
        Assert.True((await values.RecordAsync(Staff("CT-SNV"), indicator.Id, period.Id, 68.5m, "Báo cáo của Sở LĐ-TB&XH", null, Ct)).Succeeded);

        var sheet = (await values.ListAsync(Ct)).Single(i => i.Code == "CT-M01");
        Assert.Equal((68.5m, "Báo cáo của Sở LĐ-TB&XH", "70"), (sheet.Values.Single().Value, sheet.Values.Single().SourceNote, sheet.Targets[2025]));
        var stale = await values.RecordAsync(Staff("CT-SNV"), indicator.Id, period.Id, 69m, "x", null, Ct);
        Assert.Contains("Người khác vừa lưu", stale.For(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrators_generate_open_and_close_periods_and_closing_freezes_them()
    {
        var periods = Get<PeriodAdministration>();
        var (generated, added) = await periods.GenerateYearAsync(Admin, 2027, Ct);
        Assert.True(generated.Succeeded);
        Assert.Equal(7, added);
        Assert.Equal(0, (await periods.GenerateYearAsync(Admin, 2027, Ct)).Added);
        var q1 = await PeriodAsync("Quý I/2027");
        Assert.Equal((new DateOnly(2026, 12, 15), new DateOnly(2027, 3, 14), PeriodState.Planned), (q1.StartsOn, q1.EndsOn, q1.State));

        var current = await PeriodAsync("Quý IV/2026");
        Assert.True((await periods.CloseAsync(Admin, current.Id, current.Version, Ct)).Succeeded);

        await using var db = Database.NewContext();
        Assert.Equal(await db.WorkItems.CountAsync(Ct), await db.PeriodSnapshots.CountAsync(s => s.PeriodId == current.Id, Ct));
        var (refused, _) = await Get<ProgressReportService>().SaveAsync(Staff("CT-SGDDT"),
            new ReportInput(await ItemIdAsync("NV-04"), current.Id, 70, "Kết quả", null, null, "Tiếp", null), null, null, true, Ct);
        Assert.Equal("Kỳ báo cáo đã đóng; không gửi báo cáo mới cho kỳ này.", refused.For("PeriodId"));
        Assert.NotNull((await periods.OpenAsync(Admin, current.Id, (await PeriodAsync("Quý IV/2026")).Version, Ct)).For(""));
        await Assert.ThrowsAsync<AccessDeniedException>(() => periods.GenerateYearAsync(Office, 2028, Ct));
    }

    [Fact]
    public async Task A_period_window_can_be_adjusted_until_it_closes()
    {
        var periods = Get<PeriodAdministration>();
        var current = await PeriodAsync("Quý IV/2026");

        Assert.Equal("Ngày kết thúc không được trước ngày bắt đầu.", (await periods.AdjustWindowAsync(Admin, current.Id, current.Version, new DateOnly(2026, 12, 1), new DateOnly(2026, 11, 1), Ct)).For("EndsOn"));
        Assert.Equal("Thời gian này trùng với kỳ Quý III/2026.", (await periods.AdjustWindowAsync(Admin, current.Id, current.Version, new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 14), Ct)).For("StartsOn"));
        Assert.True((await periods.AdjustWindowAsync(Admin, current.Id, current.Version, new DateOnly(2026, 9, 15), new DateOnly(2026, 12, 20), Ct)).Succeeded);
        Assert.Equal(new DateOnly(2026, 12, 20), (await PeriodAsync("Quý IV/2026")).EndsOn);

        var (clash, added) = await periods.GenerateYearAsync(Admin, 2027, Ct);
        Assert.Equal(0, added);
        Assert.StartsWith("Chưa tạo kỳ nào: Quý I/2027 (15/12/2026–14/03/2027) trùng với kỳ Quý IV/2026 (15/09/2026–20/12/2026)", clash.For("Year"), StringComparison.Ordinal);
        await using var db = Database.NewContext();
        Assert.Equal(0, await db.Periods.CountAsync(p => p.Year == 2027, Ct));
    }

    [Fact]
    public async Task A_period_closed_before_its_end_judges_nothing_overdue_for_days_still_to_come()
    {
        // Today is 27/11/2026; Quý IV/2026 ends on 14/12. NV-04, moved to 10/12, is within its deadline today.
        var item = await ItemIdAsync("NV-04");
        var adjusted = await Get<DeadlineAdjustmentService>().AdjustAsync(Office, item, await ItemVersionAsync("NV-04"),
            new DeadlineAdjustmentInput("trước ngày 10/12/2026", "Công văn số 530-CV/TU", new DateOnly(2026, 11, 20), null), Ct);
        Assert.True(adjusted.Succeeded, string.Join(" ", adjusted.Errors.Values));
        var current = await PeriodAsync("Quý IV/2026");

        Assert.True((await Get<PeriodAdministration>().CloseAsync(Admin, current.Id, current.Version, Ct)).Succeeded);

        await using var db = Database.NewContext();
        var frozen = await db.PeriodSnapshots.SingleAsync(s => s.PeriodId == current.Id && s.WorkItemId == item, Ct);
        Assert.Equal((ProgressAxis.OpenWithinDeadline, ProgressAxis.Overdue), (frozen.Axis, frozen.AgainstOriginal));
    }

    [Fact]
    public async Task A_units_list_puts_overdue_work_first()
    {
        // UBND thành phố Cần Thơ took over the districts' open work on 01/07/2025, NV-14 among it, finished since.
        var rows = await Get<UnitWorkService>().ListAsync(Staff("CT-UBND"), Ct);

        Assert.Contains(rows, r => r.Item.Code == "NV-14" && r.Role == AssignmentRole.Lead);
        Assert.Contains(rows, r => r.Item.Code == "NV-12" && r.Role == AssignmentRole.Coordinating);
        Assert.Equal(rows.Select(r => r.Urgency).Order(), rows.Select(r => r.Urgency));
        Assert.Equal(Urgency.Overdue, rows[0].Urgency);
        Assert.Equal(Urgency.Done, rows[^1].Urgency);
        Assert.Empty(await Get<UnitWorkService>().ListAsync(Leader, Ct));
    }
}
