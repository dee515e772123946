using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Core.Features.ReviewReports;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.ReviewReports;

/// <summary>
/// The review report's numbers are the overview's, for the same scope and day (one read model): live for an open
/// range, frozen for a closed period. A correction made after the period closed is listed apart, never merged in.
/// </summary>
public class ReviewReportNumbersTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private const string Closed = "Quý III/2026";
    private static readonly ItemFilter Samples = ItemFilter.Real with { Samples = true };
    private DateOnly Today => VietnamClock.Today(Database.Clock);
    private int _correctionId;
    private int _correctedReportId;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        // NV-04 reported 50 % for the closed quarter; a correction to 65 % is confirmed today.
        var item = await ItemIdAsync("NV-04");
        var closed = await PeriodAsync(Closed);
        var (saved, id) = await Get<ProgressReportService>().SaveAsync(Staff("CT-SGDDT"),
            new ReportInput(item, closed.Id, 65, "Đính chính: đạt 65% trong quý.", null, null, "Tiếp tục.", null), null, null, true, Ct);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
        await using var db = Database.NewContext();
        var report = await db.Reports.Where(r => r.Id == id).Select(r => new { r.Version, r.CorrectsReportId }).SingleAsync(Ct);
        Assert.True((await Get<ReviewService>().ReviewAsync(Office, id!.Value, report.Version, true, null, Ct)).Succeeded);
        _correctionId = id.Value;
        _correctedReportId = report.CorrectsReportId!.Value;
    }

    private static async Task<List<object?[]>> RowsAsync(ReportTable table) => await table.Rows(Ct).ToListAsync(Ct);

    private static ReportTable Summary(ReviewReport report, string name) => report.Summary.Single(t => t.Name == name);

    private static ReportTable Detail(ReviewReport report, string name) => report.Details.Single(t => t.Name == name);

    private static async Task AssertFiguresEqualAsync(ReviewReport report, ProgramOverview overview, IReadOnlyList<UnitRow> units)
    {
        var c = overview.Figures.Counts;
        var status = (await RowsAsync(Summary(report, "Tình hình"))).ToDictionary(r => (string)r[0]!, r => r[1]);
        Assert.Equal(
            [c.Total, c.DoneOnTime, c.DoneLate, c.OpenWithinDeadline, c.Overdue, c.Undated, overview.OverdueOver30, c.NotStarted, c.NoReportThisPeriod, overview.AtRisk],
            new[]
            {
                "Tổng số nhiệm vụ, văn bản", "Đã hoàn thành đúng hạn", "Đã hoàn thành quá hạn", "Chưa hoàn thành, trong hạn", "Chưa hoàn thành, quá hạn",
                "Chưa xác định thời hạn", "Trong đó: quá hạn trên 30 ngày", "Chưa triển khai", "Chưa báo cáo kỳ này", "Có nguy cơ chậm",
            }.Select(k => (int)status[k]!));
        var progress = (await RowsAsync(Summary(report, "Tình hình"))).Single(r => ((string)r[0]!).StartsWith("Tiến độ chung", StringComparison.Ordinal));
        Assert.Equal(overview.Figures.Progress / 100m, progress[2]);

        var byBreakthrough = await RowsAsync(Summary(report, "Đột phá"));
        Assert.Equal(overview.ByBreakthrough.Select(h => (h.Figures.Counts.Total, h.Figures.Counts.Overdue, h.Figures.Progress / 100m)),
            byBreakthrough.Select(r => ((int)r[1]!, (int)r[4]!, (decimal)r[5]!)));
        var documents = (await RowsAsync(Summary(report, "Tổng hợp văn bản"))).Select(r => (int)r[1]!).ToList();
        Assert.Equal([overview.Documents.Required, overview.Documents.IssuedOnTime, overview.Documents.IssuedLate, overview.Documents.StillDue, overview.Documents.Overdue], documents);

        var unitRows = (await RowsAsync(Summary(report, "Thi đua"))).Where(r => !((string)r[1]!).StartsWith("Trước đây: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(units.Select(u => (u.Unit.Name, u.Led, u.Overdue, u.Rank)), unitRows.Select(r => ((string)r[1]!, (int)r[2]!, (int)r[6]!, (int?)r[0])));

        var items = await RowsAsync(Detail(report, "Nhiệm vụ"));
        Assert.Equal(c.Total, items.Count);
    }

    [Fact]
    public async Task A_range_up_to_today_counts_what_the_overview_counts_today_and_says_it_is_provisional()
    {
        var programId = (await Get<OverviewService>().ProgramsAsync(Ct))[0].Id;
        var (report, error) = await Get<ReviewReportBuilder>().BuildAsync(
            new ReviewReportRequest(programId, null, new DateOnly(Today.Year, 1, 1), Today, ItemFilter.Real), Ct);
        Assert.Null(error);

        var overview = (await Get<OverviewService>().OverviewAsync(new FactsRequest(programId), ItemFilter.Real, Ct))!;
        var (_, units) = (await Get<OverviewService>().UnitsAsync(new FactsRequest(programId), ItemFilter.Real, Ct))!.Value;
        await AssertFiguresEqualAsync(report!, overview, units);
        Assert.True(report!.Header.Provisional);
        Assert.Contains("tạm tính", report.Header.BasisLine, StringComparison.Ordinal);
        Assert.Equal("ĐẢNG CỘNG SẢN VIỆT NAM", report.Header.Motto);
        Assert.Equal("THÀNH ỦY CẦN THƠ", report.Header.IssuerParent);
        Assert.StartsWith("Cần Thơ, ngày ", report.Header.PlaceAndDate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_unit_s_report_counts_what_the_overview_counts_for_that_unit_in_the_state_form()
    {
        var programId = (await Get<OverviewService>().ProgramsAsync(Ct))[0].Id;
        // The Program names no lead units; the labelled samples do.
        var (_, all) = (await Get<OverviewService>().UnitsAsync(new FactsRequest(programId), Samples, Ct))!.Value;
        var unit = all.Where(u => u.Led > 0).OrderByDescending(u => u.Led).First().Unit;
        var scope = Samples with { UnitId = unit.Id };

        var (report, _) = await Get<ReviewReportBuilder>().BuildAsync(
            new ReviewReportRequest(programId, null, new DateOnly(Today.Year, 1, 1), Today, scope, IssuerForm.State), Ct);

        var overview = (await Get<OverviewService>().OverviewAsync(new FactsRequest(programId), scope, Ct))!;
        var (_, units) = (await Get<OverviewService>().UnitsAsync(new FactsRequest(programId), scope, Ct))!.Value;
        await AssertFiguresEqualAsync(report!, overview, units);
        Assert.Equal(("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"), (report!.Header.Motto, report.Header.MottoLine));
        Assert.Contains(unit.Name, report.Header.ScopeLine, StringComparison.Ordinal);
        Assert.All(await RowsAsync(Detail(report, "Nhiệm vụ")), r => Assert.StartsWith(unit.Name, (string)r[4]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_closed_period_is_reported_as_frozen_with_the_later_correction_listed_apart()
    {
        var period = await PeriodAsync(Closed);
        var (report, error) = await Get<ReviewReportBuilder>().BuildAsync(new ReviewReportRequest(period.ProgramId, period.Id, null, null, Samples), Ct);
        Assert.Null(error);

        var overview = (await Get<OverviewService>().OverviewAsync(new FactsRequest(period.ProgramId, PeriodId: period.Id), Samples, Ct))!;
        var (_, units) = (await Get<OverviewService>().UnitsAsync(new FactsRequest(period.ProgramId, PeriodId: period.Id), Samples, Ct))!.Value;
        await AssertFiguresEqualAsync(report!, overview, units);
        Assert.False(report!.Header.Provisional);
        Assert.Contains("khi kỳ đóng", report.Header.BasisLine, StringComparison.Ordinal);

        // As reported: the corrected report with its 50 %, and not the correction.
        var reported = await RowsAsync(Detail(report, "Báo cáo kỳ"));
        Assert.Equal(Detail(report, "Báo cáo kỳ").RowCount, reported.Count);
        var original = Assert.Single(reported, r => (int)r[0]! == _correctedReportId);
        Assert.Equal(("NV-04", 0.5m), ((string)original[1]!, (decimal)original[5]!));
        Assert.DoesNotContain(reported, r => (int)r[0]! == _correctionId);

        var correction = Assert.Single(await RowsAsync(Detail(report, "Đính chính")));
        Assert.Equal((_correctionId, _correctedReportId, "NV-04", 0.5m, 0.65m, "Đã xác nhận"),
            ((int)correction[0]!, (int)correction[1]!, (string)correction[2]!, (decimal)correction[4]!, (decimal)correction[5]!, (string)correction[6]!));
    }

    [Fact]
    public async Task The_end_of_term_review_hands_every_unfinished_item_to_a_unit_in_office()
    {
        await using var db = Database.NewContext();
        var period = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Kind == PeriodKind.EndOfTermReview, Ct);
        Assert.NotNull(period);
        var (report, _) = await Get<ReviewReportBuilder>().BuildAsync(new ReviewReportRequest(period.ProgramId, period.Id, null, null, Samples), Ct);

        var handover = await RowsAsync(Detail(report!, "Chuyển giao"));
        var items = await RowsAsync(Detail(report!, "Nhiệm vụ"));
        Assert.Equal(items.Count(r => !((string)r[7]!).StartsWith("Đã hoàn thành", StringComparison.Ordinal)), handover.Count);
        Assert.NotEmpty(handover);
        var inOffice = await db.OrgUnits.Where(u => u.ValidTo == null).Select(u => u.Name).ToListAsync(Ct);
        // The samples name lead units, several of them ended on 30/06/2025: each hands over to a unit in office.
        var handedTo = handover.Where(r => r[2] is not null).ToList();
        Assert.NotEmpty(handedTo);
        Assert.All(handedTo, r => Assert.All(((string)r[3]!).Split("; "), name => Assert.Contains(name, inOffice)));
        Assert.StartsWith("Tổng kết thực hiện Chương trình số ", report!.Header.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_leaders_auditors_and_the_office_may_export()
    {
        var period = await PeriodAsync(Closed);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<ReviewExportService>().ExportAsync(Staff("CT-SGDDT"),
            new ReviewReportRequest(period.ProgramId, period.Id, null, null, ItemFilter.Real), ReportFormat.Csv, new MemoryStream(), null, Ct));
        Assert.False(AccessPolicy.Allows(Admin, Operation.ExportReview));
        Assert.True(AccessPolicy.Allows(Leader, Operation.ExportReview));
        Assert.True(AccessPolicy.Allows(Office, Operation.ExportReview));
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused_in_Vietnamese()
    {
        var programId = (await Get<OverviewService>().ProgramsAsync(Ct))[0].Id;
        var (report, error) = await Get<ReviewReportBuilder>().BuildAsync(new ReviewReportRequest(programId, null, Today, Today.AddDays(-1), ItemFilter.Real), Ct);
        Assert.Null(report);
        Assert.Equal("Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.", error);
    }
}
