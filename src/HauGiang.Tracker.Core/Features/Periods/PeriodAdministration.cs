using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Periods;

/// <summary>Administrators open reporting periods (defaults by the 15th→14th rule), adjust their windows, and close them, which freezes what was reported.</summary>
public sealed class PeriodAdministration(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    private const string ConflictMessage = "Kỳ báo cáo vừa được người khác thay đổi; tải lại để xem.";

    private static readonly (PeriodKind Kind, int Number)[] Defaults =
        [(PeriodKind.Quarter, 1), (PeriodKind.Quarter, 2), (PeriodKind.HalfYear, 0), (PeriodKind.Quarter, 3), (PeriodKind.NineMonths, 0), (PeriodKind.Quarter, 4), (PeriodKind.Year, 0)];

    /// <summary>Adds the year's default periods that do not exist yet, as planned (not open).</summary>
    public async Task<(OperationResult Result, int Added)> GenerateYearAsync(Actor actor, int year, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManagePeriods, null, $"năm {year}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var program = await db.Programs.OrderBy(p => p.Id).FirstAsync(ct);
        if (program.ReportingEndedOn is { } ended && new DateOnly(year, 1, 1) > ended)
        {
            return (OperationResult.Fail("Year", $"Chương trình đã kết thúc theo dõi từ ngày {ended:dd/MM/yyyy}; không tạo kỳ báo cáo sau ngày đó."), 0);
        }
        if (year < program.IssuedOn.Year || year > program.TermEndYear + 10)
        {
            return (OperationResult.Fail("Year", $"Năm phải từ {program.IssuedOn.Year} đến {program.TermEndYear + 10}."), 0);
        }
        var existing = await db.Periods.Where(p => p.ProgramId == program.Id)
            .Select(p => new { p.Kind, p.Number, p.Year, p.StartsOn, p.EndsOn, p.Label }).ToListAsync(ct);
        var missing = Defaults.Where(d => !existing.Any(e => e.Year == year && e.Kind == d.Kind && e.Number == d.Number))
            .Select(d => ReportingPeriod.Default(program.Id, d.Kind, year, d.Number, program.TermStartYear, program.TermEndYear))
            .Where(p => p.EndsOn >= program.IssuedOn) // nothing could be reported before the Program existed
            .Where(p => program.ReportingEndedOn is not { } end || p.StartsOn <= end)
            .ToList();
        // A period whose window an administrator moved can cover days a default would take: say so rather
        // than give one day two quarters.
        var clashes = missing
            .SelectMany(m => existing.Where(e => e.Kind == m.Kind && e.StartsOn <= m.EndsOn && e.EndsOn >= m.StartsOn)
                .Select(e => $"{m.Label} ({m.StartsOn:dd/MM/yyyy}–{m.EndsOn:dd/MM/yyyy}) trùng với kỳ {e.Label} ({e.StartsOn:dd/MM/yyyy}–{e.EndsOn:dd/MM/yyyy})"))
            .ToList();
        if (clashes.Count > 0)
        {
            return (OperationResult.Fail("Year", $"Chưa tạo kỳ nào: {string.Join("; ", clashes)}. Điều chỉnh thời gian kỳ đã có rồi tạo lại."), 0);
        }
        db.Periods.AddRange(missing);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return (OperationResult.Form("Người khác vừa tạo các kỳ của năm này; tải lại để xem."), 0);
        }
        return (OperationResult.Success, missing.Count);
    }

    public Task<OperationResult> OpenAsync(Actor actor, int periodId, uint version, CancellationToken ct = default) =>
        ChangeAsync(actor, periodId, version, ct, async (db, period) =>
        {
            if (period.State != PeriodState.Planned)
            {
                return OperationResult.Form(period.State == PeriodState.Open ? "Kỳ báo cáo đã mở." : "Kỳ báo cáo đã đóng; không mở lại được (số liệu đã chốt).");
            }
            var ended = await db.Programs.Where(p => p.Id == period.ProgramId).Select(p => p.ReportingEndedOn).SingleAsync(ct);
            if (ended is { } end && period.StartsOn > end)
            {
                return OperationResult.Form($"Chương trình đã kết thúc theo dõi từ ngày {end:dd/MM/yyyy}; kỳ này không mở được.");
            }
            period.State = PeriodState.Open;
            return null;
        });

    /// <summary>
    /// After the term: once the end-of-term review (tổng kết) is closed, an administrator may end the program's
    /// reporting on a day. No period after that day is opened or made, the planned ones after it are removed,
    /// and everything reported stays. Until then reporting goes on, on the unfinished items the successors carry.
    /// </summary>
    public async Task<OperationResult> EndReportingAsync(Actor actor, uint version, DateOnly endsOn, string? basis, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManagePeriods, null, "kết thúc theo dõi chương trình", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var program = await db.Programs.OrderBy(p => p.Id).FirstAsync(ct);
        if (program.Version != version)
        {
            return OperationResult.Form("Chương trình vừa được người khác thay đổi; tải lại để xem.");
        }
        if (program.ReportingEndedOn is { } already)
        {
            return OperationResult.Form($"Chương trình đã kết thúc theo dõi từ ngày {already:dd/MM/yyyy}.");
        }
        var periods = await db.Periods.Where(p => p.ProgramId == program.Id).ToListAsync(ct);
        var review = periods.FirstOrDefault(p => p.Kind == PeriodKind.EndOfTermReview);
        var today = VietnamClock.Today(db.Clock);
        var errors = new ValidationErrors();
        errors.Add("Basis", StructureRules.RequiredText(basis, TextLimits.Line, "căn cứ (báo cáo tổng kết hoặc văn bản quyết định)"));
        errors.Add(OperationResult.FormKey, review is null ? "Chưa có kỳ tổng kết nhiệm kỳ; tạo và đóng kỳ tổng kết trước khi kết thúc theo dõi."
            : review.State != PeriodState.Closed ? $"Kỳ {review.Label} chưa đóng; đóng kỳ tổng kết (chốt số liệu) trước khi kết thúc theo dõi." : null);
        errors.Add("EndsOn", review is not null && endsOn < review.EndsOn ? $"Ngày kết thúc theo dõi không được trước ngày cuối kỳ tổng kết ({review.EndsOn:dd/MM/yyyy})." : null);
        errors.Add("EndsOn", endsOn > today ? "Ngày kết thúc theo dõi không được sau hôm nay." : null);
        var stillOpen = periods.Where(p => p.State == PeriodState.Open).OrderBy(p => p.StartsOn).Select(p => p.Label).ToList();
        errors.Add(OperationResult.FormKey, stillOpen.Count > 0 ? $"Còn kỳ báo cáo đang mở: {string.Join(", ", stillOpen)}. Đóng các kỳ này trước." : null);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        program.ReportingEndedOn = endsOn;
        program.ReportingEndedBy = actor.UserName;
        program.ReportingEndBasis = basis!.Trim();
        db.Periods.RemoveRange(periods.Where(p => p.State == PeriodState.Planned && p.StartsOn > endsOn));
        db.AuditReason = $"Kết thúc theo dõi Chương trình {program.Code} từ ngày {endsOn:dd/MM/yyyy}: {program.ReportingEndBasis}";
        return await db.SaveAtVersionAsync(program, version, "Chương trình vừa được người khác thay đổi; tải lại để xem.", ct);
    }

    /// <summary>Closes the period: its reports are frozen from now on, and where every item stood is kept.</summary>
    public Task<OperationResult> CloseAsync(Actor actor, int periodId, uint version, CancellationToken ct = default) =>
        ChangeAsync(actor, periodId, version, ct, async (db, period) =>
        {
            if (period.State != PeriodState.Open)
            {
                return OperationResult.Form(period.State == PeriodState.Closed ? "Kỳ báo cáo đã đóng." : "Kỳ báo cáo chưa mở.");
            }
            var now = db.Clock.GetUtcNow().UtcDateTime;
            period.State = PeriodState.Closed;
            period.ClosedAt = now;
            period.ClosedBy = db.Actor!.UserName;
            await PeriodSnapshots.TakeAsync(db, period, now, ct);
            return null;
        });

    public Task<OperationResult> AdjustWindowAsync(Actor actor, int periodId, uint version, DateOnly startsOn, DateOnly endsOn, CancellationToken ct = default) =>
        ChangeAsync(actor, periodId, version, ct, async (db, period) =>
        {
            var errors = new ValidationErrors();
            errors.Add(OperationResult.FormKey, period.State == PeriodState.Closed ? "Kỳ báo cáo đã đóng; không đổi thời gian được." : null);
            errors.Add("EndsOn", endsOn < startsOn ? "Ngày kết thúc không được trước ngày bắt đầu." : null);
            errors.Add("EndsOn", endsOn.DayNumber - startsOn.DayNumber > 366 * 6 ? "Một kỳ báo cáo không dài quá 6 năm." : null);
            // Periods of one kind tile the calendar: a day belongs to one quarter (one month …), never two.
            var overlapping = await db.Periods.AsNoTracking()
                .Where(p => p.ProgramId == period.ProgramId && p.Kind == period.Kind && p.Id != period.Id && p.StartsOn <= endsOn && p.EndsOn >= startsOn)
                .OrderBy(p => p.StartsOn).Select(p => p.Label).FirstOrDefaultAsync(ct);
            errors.Add("StartsOn", overlapping is not null ? $"Thời gian này trùng với kỳ {overlapping}." : null);
            if (errors.Any)
            {
                return errors.ToResult();
            }
            period.StartsOn = startsOn;
            period.EndsOn = endsOn;
            return null;
        });

    private async Task<OperationResult> ChangeAsync(Actor actor, int periodId, uint version, CancellationToken ct, Func<TrackerDbContext, ReportingPeriod, Task<OperationResult?>> change)
    {
        await guard.DemandAsync(actor, Operation.ManagePeriods, null, $"kỳ {periodId}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var period = await db.Periods.SingleOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null)
        {
            return OperationResult.Form("Không tìm thấy kỳ báo cáo này.");
        }
        if (period.Version != version)
        {
            return OperationResult.Form(ConflictMessage);
        }
        if (await change(db, period) is { } refused)
        {
            return refused;
        }
        return await db.SaveAtVersionAsync(period, version, ConflictMessage, ct);
    }
}
