using System.Globalization;
using System.Runtime.CompilerServices;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Seeding;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// What to report on: a program, then either one of its reporting periods or a custom range of days, one scope
/// (the whole program, a breakthrough, a group or a lead unit: <see cref="ItemFilter"/> without a bucket), and the
/// form of the issuing body.
/// </summary>
public sealed record ReviewReportRequest(int ProgramId, int? PeriodId, DateOnly? From, DateOnly? To, ItemFilter Scope, IssuerForm Form = IssuerForm.Party);

/// <summary>
/// Builds a review report from the one read model (<see cref="ProgramFactsStore"/>): the figures are the overview's
/// and the units' table's for the same scope and day, never a second calculation. A closed period is reported as
/// frozen when it closed, with the corrections made since listed apart; an open period or a range that reaches
/// today is provisional. The period's reports stream from the database when a file is written.
/// </summary>
public sealed class ReviewReportBuilder(ProgramFactsStore store, IDbContextFactory<TrackerDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How many report texts the printed sections quote before pointing to the appendix.</summary>
    public const int QuotedReports = 150;

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Every reporting period of a program, newest first: closed ones report as frozen, the others as provisional.</summary>
    public async Task<IReadOnlyList<PeriodRef>> PeriodsAsync(int programId, CancellationToken ct = default)
    {
        var today = VietnamClock.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FactsLoader.Periods(db, programId).Where(p => p.State != PeriodState.Planned || p.StartsOn <= today)
            .OrderByDescending(p => p.EndsOn).ThenBy(p => p.Kind).Select(FactsLoader.AsRef).ToListAsync(ct);
    }

    /// <summary>The report, or null with a Vietnamese reason when the request cannot be reported.</summary>
    public async Task<(ReviewReport? Report, string? Error)> BuildAsync(ReviewReportRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var today = VietnamClock.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var period = request.PeriodId is { } pid
            ? await db.Periods.AsNoTracking().Where(p => p.Id == pid && p.ProgramId == request.ProgramId).Select(FactsLoader.AsRef).FirstOrDefaultAsync(ct)
            : null;
        if (request.PeriodId is not null && period is null)
        {
            return (null, "Không tìm thấy kỳ báo cáo này trong Chương trình.");
        }
        DateOnly from, to;
        if (period is not null)
        {
            (from, to) = (period.StartsOn, period.EndsOn);
        }
        else if (request is { From: { } f, To: { } t })
        {
            if (t < f)
            {
                return (null, "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.");
            }
            if (f > today)
            {
                return (null, "Khoảng thời gian chưa bắt đầu: chọn ngày bắt đầu không sau hôm nay.");
            }
            (from, to) = (f, t);
        }
        else
        {
            return (null, "Chọn một kỳ báo cáo, hoặc ngày bắt đầu và ngày kết thúc.");
        }

        var frozen = period is { State: PeriodState.Closed };
        var asOf = frozen ? FactsLoader.ClosedDay(period!) : (to < today ? to : today);
        var facts = await store.GetAsync(frozen ? new FactsRequest(request.ProgramId, PeriodId: period!.Id) : new FactsRequest(request.ProgramId, AsOf: asOf), ct);
        if (facts is null)
        {
            return (null, "Không tìm thấy Chương trình này.");
        }
        var scope = request.Scope with { Bucket = StatusBucket.All };
        var overview = ProgramOverview.Of(facts, scope);
        var units = UnitTable.Of(facts, scope);
        var items = scope.Apply(facts).ToList();
        var itemIds = items.Select(i => i.Id).ToArray();
        var cutoff = frozen ? period!.ClosedAt : null;
        var window = new ReportWindow(period?.Id, from, to, cutoff, itemIds);
        var texts = await LatestTextsAsync(db, window, ct);
        // An open period is provisional even once its days are over: late reports may still come in.
        var provisional = period is not null ? !frozen : to >= today;

        var header = Header(request.Form, facts, period, from, to, asOf, today, scope, frozen, provisional);
        var sections = Sections(facts, overview, items, texts, period, asOf);
        var summary = SummaryTables(facts, overview, units);
        var details = new List<ReportTable>
        {
            ItemsTable("Nhiệm vụ", "Nhiệm vụ, văn bản trong phạm vi báo cáo", facts, items),
            ItemsTable("Văn bản", "Văn bản phải ban hành", facts, [.. items.Where(i => i.Row.Kind == WorkItemKind.Document)]),
            UnitsTable(units) with { Name = "Đơn vị", Title = "Kết quả theo đơn vị chủ trì", Printed = false },
            await ReportsTableAsync(db, window, ct),
        };
        if (frozen)
        {
            details.Add(await CorrectionsTableAsync(db, window, ct));
        }
        if (period?.Kind == PeriodKind.EndOfTermReview)
        {
            details.Add(HandoverTable(facts, items));
        }
        var stem = string.Create(CultureInfo.InvariantCulture,
            $"bao-cao-{FileSlug.Of(facts.Program.Code)}-{(period is null ? $"{from:yyyyMMdd}-{to:yyyyMMdd}" : FileSlug.Of(period.Label))}");
        return (new ReviewReport(header, sections, summary, details, stem), null);
    }

    private sealed record ReportWindow(int? PeriodId, DateOnly From, DateOnly To, DateTime? ClosedAt, int[] ItemIds)
    {
        public DateTime FromUtc => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - VietnamClock.Offset;

        public DateTime ToUtc => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - VietnamClock.Offset;

        /// <summary>
        /// The reports counted for the window, each in the state it had then: a closed period's as they stood at its
        /// closing (submitted by then, not returned by then; a review decided later does not show, and a report
        /// replaced afterwards by a correction still counts); an open period's as they are; a range's as submitted
        /// within its days and not replaced by its end.
        /// </summary>
        public IQueryable<WindowReport> Reported(TrackerDbContext db)
        {
            var ids = ItemIds;
            var q = db.Reports.AsNoTracking().Where(r => ids.Contains(r.WorkItemId) && r.SubmittedAt != null);
            if (PeriodId is { } pid && ClosedAt is { } closed)
            {
                return q.Where(r => r.PeriodId == pid && r.SubmittedAt <= closed
                        && (r.SupersededById == null || db.Reports.Any(s => s.Id == r.SupersededById && s.SubmittedAt > closed)))
                    .Select(r => new
                    {
                        Report = r,
                        LastState = db.ReviewEvents.Where(e => e.ReportId == r.Id && e.At <= closed).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                            .Select(e => (ReviewState?)e.ToState).FirstOrDefault(),
                        LastAt = db.ReviewEvents.Where(e => e.ReportId == r.Id && e.At <= closed).OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                            .Select(e => (DateTime?)e.At).FirstOrDefault(),
                    })
                    // Without a recorded step by then, a report submitted by then was awaiting review (or was confirmed by then).
                    .Select(x => new
                    {
                        x.Report,
                        State = x.LastState ?? (x.Report.State == ReviewState.Confirmed && x.Report.ReviewedAt <= closed ? ReviewState.Confirmed : ReviewState.Submitted),
                        ReviewedAt = x.LastState == null ? (x.Report.ReviewedAt <= closed ? x.Report.ReviewedAt : null) : x.LastAt,
                    })
                    .Where(x => x.State == ReviewState.Submitted || x.State == ReviewState.Confirmed)
                    .Select(x => new WindowReport
                    {
                        Id = x.Report.Id,
                        WorkItemId = x.Report.WorkItemId,
                        Code = x.Report.WorkItem!.Code,
                        Title = x.Report.WorkItem.Title,
                        Unit = x.Report.ReportingUnit!.Name,
                        IsContribution = x.Report.IsContribution,
                        Percent = x.Report.Percent,
                        State = x.State,
                        SubmittedAt = x.Report.SubmittedAt!.Value,
                        SubmittedBy = x.Report.SubmittedBy,
                        ReviewedAt = x.State == ReviewState.Confirmed ? x.ReviewedAt : null,
                        Results = x.Report.Results,
                        Obstacles = x.Report.Obstacles,
                        Proposals = x.Report.Proposals,
                        NextSteps = x.Report.NextSteps,
                    });
            }
            q = q.Where(r => r.State == ReviewState.Submitted || r.State == ReviewState.Confirmed);
            if (PeriodId is { } open)
            {
                q = q.Where(r => r.PeriodId == open && r.SupersededById == null);
            }
            else
            {
                DateTime from = FromUtc, to = ToUtc;
                // A report replaced only after the range ended was still the record within it.
                q = q.Where(r => r.SubmittedAt >= from && r.SubmittedAt < to
                    && (r.SupersededById == null || db.Reports.Any(s => s.Id == r.SupersededById && s.SubmittedAt >= to)));
            }
            return q.Select(r => new WindowReport
            {
                Id = r.Id,
                WorkItemId = r.WorkItemId,
                Code = r.WorkItem!.Code,
                Title = r.WorkItem.Title,
                Unit = r.ReportingUnit!.Name,
                IsContribution = r.IsContribution,
                Percent = r.Percent,
                State = r.State,
                SubmittedAt = r.SubmittedAt!.Value,
                SubmittedBy = r.SubmittedBy,
                ReviewedAt = r.State == ReviewState.Confirmed ? r.ReviewedAt : null,
                Results = r.Results,
                Obstacles = r.Obstacles,
                Proposals = r.Proposals,
                NextSteps = r.NextSteps,
            });
        }
    }

    /// <summary>A report as the window counts it, in its state then (set by member initialisation, so EF can still filter and order on it).</summary>
    private sealed class WindowReport
    {
        public int Id { get; init; }
        public int WorkItemId { get; init; }
        public string Code { get; init; } = "";
        public string Title { get; init; } = "";
        public string Unit { get; init; } = "";
        public bool IsContribution { get; init; }
        public int Percent { get; init; }
        public ReviewState State { get; init; }
        public DateTime SubmittedAt { get; init; }
        public string? SubmittedBy { get; init; }
        public DateTime? ReviewedAt { get; init; }
        public string? Results { get; init; }
        public string? Obstacles { get; init; }
        public string? Proposals { get; init; }
        public string? NextSteps { get; init; }
    }

    private sealed record ReportText(int ItemId, string Unit, string? Results, string? Obstacles, string? Proposals, string? NextSteps);

    // The official report of each item in the window (the lead's, confirmed first, then the latest).
    private static async Task<Dictionary<int, ReportText>> LatestTextsAsync(TrackerDbContext db, ReportWindow window, CancellationToken ct)
    {
        var rows = await window.Reported(db).Where(r => !r.IsContribution)
            .OrderBy(r => r.WorkItemId).ThenByDescending(r => r.State == ReviewState.Confirmed).ThenByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
            .Select(r => new ReportText(r.WorkItemId, r.Unit, r.Results, r.Obstacles, r.Proposals, r.NextSteps))
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ItemId).ToDictionary(g => g.Key, g => g.First());
    }

    private static ReportHeader Header(IssuerForm form, ProgramFacts facts, PeriodRef? period, DateOnly from, DateOnly to, DateOnly asOf, DateOnly today,
        ItemFilter scope, bool frozen, bool provisional)
    {
        var city = today >= ProgramSource.CanThoBegins;
        var place = city ? "Cần Thơ" : "Hậu Giang";
        // Nghị định 30/2020: a zero before days under 10 and months 1 and 2 only.
        var month = today.Month < 3 ? today.Month.ToString("00", CultureInfo.InvariantCulture) : today.Month.ToString(CultureInfo.InvariantCulture);
        var placeAndDate = string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {today.Day:00} tháng {month} năm {today.Year}");
        var program = facts.Program;
        var what = period?.Kind switch
        {
            PeriodKind.EndOfTermReview => "Tổng kết thực hiện",
            PeriodKind.MidTermReview => "Sơ kết thực hiện",
            _ => "Kết quả thực hiện",
        };
        var term = string.Create(CultureInfo.InvariantCulture, $"nhiệm kỳ {program.TermStartYear} - {program.TermEndYear}");
        var subject = period?.Kind is PeriodKind.EndOfTermReview or PeriodKind.MidTermReview
            ? $"{what} Chương trình số {program.Code}, {term}"
            : $"{what} Chương trình số {program.Code}, {PeriodName(period, from, to)}";
        var periodLine = period is null
            ? $"Kỳ báo cáo: {PeriodName(period, from, to)}"
            : string.Create(CultureInfo.InvariantCulture, $"Kỳ báo cáo: {period.Label} (từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy})");
        var basis = frozen
            ? string.Create(CultureInfo.InvariantCulture, $"Số liệu như đã báo cáo khi kỳ đóng ngày {VietnamClock.DayOf(period!.ClosedAt!.Value):dd/MM/yyyy}; các đính chính sau đó được liệt kê riêng.")
            : provisional
                ? string.Create(CultureInfo.InvariantCulture, $"Số liệu tạm tính đến ngày {asOf:dd/MM/yyyy}: kỳ báo cáo chưa chốt, số liệu còn có thể thay đổi.")
                : string.Create(CultureInfo.InvariantCulture, $"Số liệu tính đến ngày {asOf:dd/MM/yyyy}.");
        return form == IssuerForm.Party
            ? new ReportHeader(form, city ? "THÀNH ỦY CẦN THƠ" : "TỈNH ỦY HẬU GIANG", "BAN THƯỜNG VỤ", "Số       -BC/TU", "ĐẢNG CỘNG SẢN VIỆT NAM", null,
                placeAndDate, "BÁO CÁO", subject, ScopeLine(facts, scope), periodLine, basis, provisional)
            : new ReportHeader(form, "ỦY BAN NHÂN DÂN", city ? "THÀNH PHỐ CẦN THƠ" : "TỈNH HẬU GIANG", "Số       /BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", placeAndDate, "BÁO CÁO", subject, ScopeLine(facts, scope), periodLine, basis, provisional);
    }

    private static string PeriodName(PeriodRef? period, DateOnly from, DateOnly to) =>
        period?.Label ?? string.Create(CultureInfo.InvariantCulture, $"từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy}");

    /// <summary>The scope in words, as the report's head and the page say it.</summary>
    public static string ScopeLine(ProgramFacts facts, ItemFilter scope)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(scope);
        var parts = new List<string>();
        if (scope.BreakthroughId is { } b && facts.Breakthroughs.FirstOrDefault(h => h.Id == b) is { } bh)
        {
            parts.Add($"{bh.Label}: {bh.Title}");
        }
        if (scope.GroupId is { } g && facts.Groups.FirstOrDefault(h => h.Id == g) is { } gh)
        {
            parts.Add($"{gh.Label}: {gh.Title}");
        }
        if (scope.UnitId is { } u && facts.Units.FirstOrDefault(x => x.Id == u) is { } unit)
        {
            parts.Add($"đơn vị chủ trì {unit.Name}");
        }
        var what = parts.Count == 0 ? "toàn Chương trình" : string.Join("; ", parts);
        return scope.Samples ? $"Phạm vi: {what} (dữ liệu mẫu, không thuộc Chương trình)" : $"Phạm vi: {what}";
    }

    private static List<ReportSection> Sections(ProgramFacts facts, ProgramOverview overview, IReadOnlyList<FactItem> items,
        Dictionary<int, ReportText> texts, PeriodRef? period, DateOnly asOf)
    {
        var c = overview.Figures.Counts;
        var d = overview.Documents;
        string Share(int n) => c.Total == 0 ? "" : $" ({Percent((decimal)n / c.Total)})";
        var general = new List<ReportParagraph>
        {
            new(string.Create(Vi, $"Tính đến ngày {asOf:dd/MM/yyyy}, trong tổng số {c.Total} nhiệm vụ, văn bản thuộc phạm vi báo cáo: đã hoàn thành đúng hạn {c.DoneOnTime}{Share(c.DoneOnTime)}; đã hoàn thành quá hạn {c.DoneLate}{Share(c.DoneLate)}; chưa hoàn thành, trong hạn {c.OpenWithinDeadline}{Share(c.OpenWithinDeadline)}; chưa hoàn thành, quá hạn {c.Overdue}{Share(c.Overdue)}; chưa xác định thời hạn {c.Undated}{Share(c.Undated)}. Tiến độ chung (bình quân gia quyền) đạt {Percent(overview.Figures.Progress / 100m)}.")),
            new(string.Create(Vi, $"Về văn bản phải ban hành: đã ban hành {d.Issued}/{d.Required} văn bản (đúng hạn {d.IssuedOnTime}, quá hạn {d.IssuedLate}); còn trong hạn {d.StillDue}; quá hạn chưa ban hành {d.Overdue}.")),
        };
        var ordered = items.Where(i => texts.ContainsKey(i.Id)).Select(i => (Item: i, Text: texts[i.Id])).ToList();
        var results = Quoted(ordered, t => t.Results);
        var obstacles = Quoted(ordered, t => t.Obstacles);
        var next = Quoted(ordered, t => t.NextSteps);
        var proposals = Quoted(ordered, t => t.Proposals);

        var shortcomings = new List<ReportParagraph>
        {
            new(string.Create(Vi, $"Còn {c.Overdue} nhiệm vụ, văn bản chưa hoàn thành, quá hạn, trong đó {overview.OverdueOver30} quá hạn trên {ItemFilter.LongOverdueDays} ngày; {overview.AtRisk} nhiệm vụ có nguy cơ chậm; {c.NotStarted} nhiệm vụ chưa triển khai; {c.NoReportThisPeriod} nhiệm vụ chưa báo cáo kỳ này.")),
        };
        if (overview.Overdue.Count > 0)
        {
            shortcomings.Add(new("Các nhiệm vụ quá hạn (Phụ lục: Nhiệm vụ, văn bản trong phạm vi báo cáo):"));
            shortcomings.AddRange(items.Where(i => ItemFilter.In(i, StatusBucket.Overdue, facts.AsOf)).Take(QuotedReports).Select(i =>
                new ReportParagraph(string.Create(Vi, $"{i.Row.Title} (hạn {i.Status.DueDate:dd/MM/yyyy}, {i.Row.Lead?.Name ?? "chưa giao đơn vị"})."), i.Row.Code + ": ", Bullet: true)));
        }
        var nextParts = new List<ReportSection>();
        if (proposals.Count > 0)
        {
            nextParts.Add(new ReportSection("Đề xuất, kiến nghị", proposals, []));
        }
        if (period?.Kind == PeriodKind.EndOfTermReview)
        {
            var open = items.Count(i => !i.Status.IsCompleted);
            nextParts.Add(new ReportSection("Chuyển giao nhiệm vụ chưa hoàn thành", [new(string.Create(Vi,
                $"Có {open} nhiệm vụ, văn bản chưa hoàn thành khi kết thúc nhiệm kỳ, được chuyển giao cho đơn vị tiếp nhận của thành phố Cần Thơ (Phụ lục: Chuyển giao)."))], []));
        }
        return
        [
            new("I. KẾT QUẢ ĐẠT ĐƯỢC", [], [new("1. Tình hình chung", general, []), new("2. Kết quả cụ thể theo báo cáo của các đơn vị", Or(results, "Chưa có báo cáo nêu kết quả trong kỳ."), [])]),
            new("II. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN", [], [new("1. Hạn chế", shortcomings, []), new("2. Khó khăn, vướng mắc và nguyên nhân", Or(obstacles, "Các đơn vị không nêu khó khăn, vướng mắc trong kỳ."), [])]),
            new("III. NHIỆM VỤ, GIẢI PHÁP KỲ TỚI", Or(next, "Các đơn vị tiếp tục thực hiện các nhiệm vụ chưa hoàn thành theo lộ trình."), nextParts),
        ];
    }

    private static List<ReportParagraph> Or(List<ReportParagraph> paragraphs, string none) => paragraphs.Count > 0 ? paragraphs : [new(none)];

    private static List<ReportParagraph> Quoted(List<(FactItem Item, ReportText Text)> reports, Func<ReportText, string?> part)
    {
        var with = reports.Where(r => !string.IsNullOrWhiteSpace(part(r.Text))).ToList();
        var quoted = with.Take(QuotedReports).Select(r => new ReportParagraph(part(r.Text)!.Trim(), $"{r.Item.Row.Code} ({r.Text.Unit}): ", Bullet: true)).ToList();
        if (with.Count > QuotedReports)
        {
            quoted.Add(new(string.Create(Vi, $"… và {with.Count - QuotedReports} báo cáo khác (xem bảng Báo cáo kỳ trong tệp Excel hoặc CSV).")));
        }
        return quoted;
    }

    private static readonly ReportColumn[] ShareColumns = [new("Chỉ tiêu", CellKind.Text, 44), new("Số lượng", CellKind.Integer, 12), new("Tỷ lệ", CellKind.Percent, 10)];

    private static List<ReportTable> SummaryTables(ProgramFacts facts, ProgramOverview overview, IReadOnlyList<UnitRow> units)
    {
        var c = overview.Figures.Counts;
        decimal? Share(int n) => c.Total == 0 ? null : (decimal)n / c.Total;
        object?[] Row(string label, int n) => [label, n, Share(n)];
        var status = ReportTable.Of("Tình hình", "Tình hình thực hiện theo hai trục: hoàn thành và thời hạn", ShareColumns,
        [
            Row("Tổng số nhiệm vụ, văn bản", c.Total),
            Row("Đã hoàn thành đúng hạn", c.DoneOnTime),
            Row("Đã hoàn thành quá hạn", c.DoneLate),
            Row("Chưa hoàn thành, trong hạn", c.OpenWithinDeadline),
            Row("Chưa hoàn thành, quá hạn", c.Overdue),
            Row("Chưa xác định thời hạn", c.Undated),
            Row("Trong đó: quá hạn trên 30 ngày", overview.OverdueOver30),
            Row("Chưa triển khai", c.NotStarted),
            Row("Chưa báo cáo kỳ này", c.NoReportThisPeriod),
            Row("Có nguy cơ chậm", overview.AtRisk),
            ["Tiến độ chung (bình quân gia quyền)", null, overview.Figures.Progress / 100m],
        ], note: "Năm nhóm đầu cộng lại bằng tổng số; các dòng sau là dấu hiệu cần theo dõi.");
        ReportColumn[] headingColumns = [new("Nội dung", CellKind.Text, 44), new("Số mục", CellKind.Integer, 9), new("Đúng hạn", CellKind.Integer, 9),
            new("Trễ hạn", CellKind.Integer, 9), new("Quá hạn", CellKind.Integer, 9), new("Tiến độ", CellKind.Percent, 10)];
        static object?[] HeadingRow(HeadingFigures h) =>
            [$"{h.Heading.Label}: {h.Heading.Title}", h.Figures.Counts.Total, h.Figures.Counts.DoneOnTime, h.Figures.Counts.DoneLate, h.Figures.Counts.Overdue, h.Figures.Progress / 100m];
        var d = overview.Documents;
        var tables = new List<ReportTable>
        {
            status,
            ReportTable.Of("Đột phá", "Tiến độ theo đột phá chiến lược", headingColumns, [.. overview.ByBreakthrough.Select(HeadingRow)]),
            ReportTable.Of("Nhóm", "Tiến độ theo nhóm nhiệm vụ, giải pháp", headingColumns, [.. overview.ByGroup.Select(HeadingRow)]),
            ReportTable.Of("Tổng hợp văn bản", "Văn bản phải ban hành", [new("Chỉ tiêu", CellKind.Text, 44), new("Số lượng", CellKind.Integer, 12)],
            [
                ["Phải ban hành", d.Required], ["Đã ban hành đúng hạn", d.IssuedOnTime], ["Đã ban hành quá hạn", d.IssuedLate],
                ["Chưa ban hành, còn hạn hoặc chưa xác định thời hạn", d.StillDue], ["Quá hạn chưa ban hành", d.Overdue],
            ]),
            ReportTable.Of("Chỉ tiêu", string.Create(CultureInfo.InvariantCulture, $"Chỉ tiêu so với mục tiêu năm {facts.AsOf.Year}"),
                [new("Mã", CellKind.Text, 8), new("Chỉ tiêu", CellKind.Text, 36), new("Đơn vị tính", CellKind.Text, 12), new("Mục tiêu", CellKind.Text, 12),
                 new("Giá trị mới nhất", CellKind.Text, 12), new("Kỳ", CellKind.Text, 14), new("Đánh giá", CellKind.Text, 12)],
                [.. overview.Indicators.Select(i => new object?[] { i.Code, i.Name, i.Measure, i.TargetText ?? Number(i.Target), Number(i.Latest), i.LatestPeriod,
                    i.Met switch { true => "Đạt", false => "Chưa đạt", null => "Chưa đánh giá được" } })]),
            UnitsTable(units),
        };
        return tables;
    }

    private static string? Number(decimal? value) => value?.ToString("#,##0.##", Vi);

    private static ReportTable UnitsTable(IReadOnlyList<UnitRow> units)
    {
        ReportColumn[] columns = [new("Hạng", CellKind.Integer, 6), new("Đơn vị", CellKind.Text, 36), new("Chủ trì", CellKind.Integer, 8), new("Phối hợp", CellKind.Integer, 8),
            new("Đúng hạn", CellKind.Integer, 8), new("Trễ hạn", CellKind.Integer, 8), new("Quá hạn", CellKind.Integer, 8), new("Tỷ lệ đúng hạn", CellKind.Percent, 10),
            new("Báo cáo gần nhất", CellKind.DateTime, 16), new("Giải trình chưa xong", CellKind.Integer, 10), new("Báo cáo bị trả lại", CellKind.Integer, 10)];
        static object?[] Row(UnitRow r, string name) => [r.Rank, name, r.Led, r.Coordinated, r.DoneOnTime, r.DoneLate, r.Overdue, r.OnTimeRate / 100m,
            r.LastReportAt, r.OpenExplanations, r.ReturnedReports];
        var rows = units.SelectMany(u => new[] { Row(u, u.Unit.Name) }.Concat(u.Former.Select(f => Row(f, $"Trước đây: {f.Unit.Name}")))).ToList();
        return ReportTable.Of("Thi đua", "Kết quả theo đơn vị chủ trì và xếp hạng thi đua", columns, rows,
            note: "Xếp hạng theo tỷ lệ đúng hạn = đúng hạn ÷ (đúng hạn + trễ hạn + quá hạn), cao xếp trước; bằng nhau thì ít quá hạn hơn, rồi nhiều đúng hạn hơn xếp trước; đơn vị chưa có việc đến hạn không xếp hạng.");
    }

    /// <summary>The status of an item in words, as the overview names its buckets.</summary>
    public static string StatusText(ItemStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status.IsOpenUndated ? "Chưa xác định thời hạn" : status.Axis switch
        {
            ProgressAxis.DoneOnTime => "Đã hoàn thành đúng hạn",
            ProgressAxis.DoneLate => "Đã hoàn thành quá hạn",
            ProgressAxis.Overdue => "Chưa hoàn thành, quá hạn",
            _ => "Chưa hoàn thành, trong hạn",
        };
    }

    private static ReportTable ItemsTable(string name, string title, ProgramFacts facts, IReadOnlyList<FactItem> items)
    {
        var breakthroughs = facts.Breakthroughs.ToDictionary(h => h.Id, h => h.Label);
        var groups = facts.Groups.ToDictionary(h => h.Id, h => h.Label);
        ReportColumn[] columns = [new("Mã", CellKind.Text, 8), new("Nội dung", CellKind.Text, 48), new("Đột phá", CellKind.Text, 10), new("Nhóm", CellKind.Text, 10),
            new("Đơn vị chủ trì", CellKind.Text, 28), new("Thời hạn", CellKind.Text, 18), new("Hạn", CellKind.Date, 11), new("Tình trạng", CellKind.Text, 22),
            new("Tiến độ", CellKind.Percent, 9), new("Ngày hoàn thành", CellKind.Date, 11), new("Báo cáo gần nhất", CellKind.DateTime, 16)];
        return ReportTable.Of(name, title, columns, [.. items.Select(i => new object?[]
        {
            i.Row.Code, i.Row.Title, i.BreakthroughId is { } b ? breakthroughs.GetValueOrDefault(b) : null, i.GroupId is { } g ? groups.GetValueOrDefault(g) : null,
            i.Row.Lead is { } lead ? lead.FormerName is null ? lead.Name : $"{lead.Name} (trước đây: {lead.FormerName})" : null,
            i.Row.Deadline.ToString(), i.Status.DueDate, StatusText(i.Status), i.Row.Progress / 100m, i.Status.CompletedOn, i.Row.LastReportAt,
        })]);
    }

    private static ReportTable HandoverTable(ProgramFacts facts, IReadOnlyList<FactItem> items)
    {
        var units = facts.Units.ToDictionary(u => u.Id);
        // The units in office that took the work over, following successions as far as they go (a unit that ended into
        // one that also ended hands over to that one's successors).
        string? Successor(UnitRef? lead)
        {
            if (lead is null || !units.TryGetValue(lead.Id, out var unit))
            {
                return null;
            }
            var found = new List<string>();
            var seen = new HashSet<int>();
            var next = new Queue<UnitFact>([unit]);
            while (next.TryDequeue(out var u))
            {
                if (!seen.Add(u.Id))
                {
                    continue;
                }
                if (u.ValidTo is null || u.SuccessorIds.Count == 0)
                {
                    found.Add(u.Name);
                    continue;
                }
                foreach (var id in u.SuccessorIds.Where(units.ContainsKey))
                {
                    next.Enqueue(units[id]);
                }
            }
            return string.Join("; ", found.Distinct());
        }
        ReportColumn[] columns = [new("Mã", CellKind.Text, 8), new("Nội dung", CellKind.Text, 48), new("Đơn vị chủ trì trong nhiệm kỳ", CellKind.Text, 28),
            new("Đơn vị tiếp nhận", CellKind.Text, 28), new("Tình trạng", CellKind.Text, 22), new("Tiến độ", CellKind.Percent, 9), new("Hạn", CellKind.Date, 11)];
        return ReportTable.Of("Chuyển giao", "Nhiệm vụ chưa hoàn thành chuyển giao cho đơn vị tiếp nhận", columns,
            [.. items.Where(i => !i.Status.IsCompleted).Select(i => new object?[]
            {
                i.Row.Code, i.Row.Title, i.Row.Lead?.FormerName ?? i.Row.Lead?.Name, Successor(i.Row.Lead), StatusText(i.Status), i.Row.Progress / 100m, i.Status.DueDate,
            })]);
    }

    private static readonly ReportColumn[] ReportColumns =
    [
        new("Số báo cáo", CellKind.Integer, 9), new("Mã", CellKind.Text, 8), new("Nội dung", CellKind.Text, 40), new("Đơn vị báo cáo", CellKind.Text, 28),
        new("Vai trò", CellKind.Text, 10), new("Tiến độ", CellKind.Percent, 9), new("Trạng thái", CellKind.Text, 12), new("Nộp lúc", CellKind.DateTime, 16),
        new("Người nộp", CellKind.Text, 20), new("Xác nhận lúc", CellKind.DateTime, 16), new("Kết quả đạt được", CellKind.Text, 50),
        new("Khó khăn, vướng mắc", CellKind.Text, 40), new("Đề xuất, kiến nghị", CellKind.Text, 40), new("Nhiệm vụ tiếp theo", CellKind.Text, 40),
    ];

    private async Task<ReportTable> ReportsTableAsync(TrackerDbContext db, ReportWindow window, CancellationToken ct)
    {
        var count = await window.Reported(db).CountAsync(ct);
        return new ReportTable("Báo cáo kỳ", "Báo cáo của các đơn vị trong kỳ", ReportColumns, count, token => StreamReportsAsync(window, token), Printed: false,
            Note: window.ClosedAt is null ? null : "Như đã nộp đến khi kỳ đóng; đính chính sau đó ở bảng Đính chính.");
    }

    private async IAsyncEnumerable<object?[]> StreamReportsAsync(ReportWindow window, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = window.Reported(db).OrderBy(r => r.Code).ThenBy(r => r.Id).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
        {
            yield return [r.Id, r.Code, r.Title, r.Unit, r.IsContribution ? "Phối hợp" : "Chủ trì", r.Percent / 100m,
                r.State == ReviewState.Confirmed ? "Đã xác nhận" : "Đã nộp", r.SubmittedAt, r.SubmittedBy, r.ReviewedAt, r.Results, r.Obstacles, r.Proposals, r.NextSteps];
        }
    }

    private async Task<ReportTable> CorrectionsTableAsync(TrackerDbContext db, ReportWindow window, CancellationToken ct)
    {
        var ids = window.ItemIds;
        var closed = window.ClosedAt!.Value;
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.PeriodId == window.PeriodId && ids.Contains(r.WorkItemId) && r.CorrectsReportId != null && r.SubmittedAt > closed)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.CorrectsReportId,
                r.WorkItem!.Code,
                Unit = r.ReportingUnit!.Name,
                Before = db.Reports.Where(o => o.Id == r.CorrectsReportId).Select(o => (int?)o.Percent).FirstOrDefault(),
                r.Percent,
                r.State,
                r.SubmittedAt,
                r.SubmittedBy,
                r.ReviewedAt,
                r.ReviewNote,
            }).ToListAsync(ct);
        ReportColumn[] columns = [new("Số đính chính", CellKind.Integer, 9), new("Đính chính báo cáo số", CellKind.Integer, 9), new("Mã", CellKind.Text, 8),
            new("Đơn vị", CellKind.Text, 28), new("Tiến độ đã báo cáo", CellKind.Percent, 10), new("Tiến độ đính chính", CellKind.Percent, 10),
            new("Trạng thái", CellKind.Text, 14), new("Nộp lúc", CellKind.DateTime, 16), new("Người nộp", CellKind.Text, 20), new("Xác nhận lúc", CellKind.DateTime, 16),
            new("Ý kiến", CellKind.Text, 30)];
        return ReportTable.Of("Đính chính", "Đính chính sau khi kỳ đóng (không gộp vào số liệu đã báo cáo)", columns,
            [.. rows.Select(r => new object?[]
            {
                r.Id, r.CorrectsReportId, r.Code, r.Unit, r.Before / 100m, r.Percent / 100m, StateText(r.State), r.SubmittedAt, r.SubmittedBy,
                r.State == ReviewState.Confirmed ? r.ReviewedAt : null, r.ReviewNote,
            })]);
    }

    private static string StateText(ReviewState state) => state switch
    {
        ReviewState.Confirmed => "Đã xác nhận",
        ReviewState.Submitted => "Chờ xác nhận",
        ReviewState.Returned => "Bị trả lại",
        _ => "Đang soạn",
    };

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.#", Vi) + "%";
}
