using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
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
        if (year < program.IssuedOn.Year || year > program.TermEndYear + 10)
        {
            return (OperationResult.Fail("Year", $"Năm phải từ {program.IssuedOn.Year} đến {program.TermEndYear + 10}."), 0);
        }
        var existing = await db.Periods.Where(p => p.ProgramId == program.Id)
            .Select(p => new { p.Kind, p.Number, p.Year, p.StartsOn, p.EndsOn, p.Label }).ToListAsync(ct);
        var missing = Defaults.Where(d => !existing.Any(e => e.Year == year && e.Kind == d.Kind && e.Number == d.Number))
            .Select(d => ReportingPeriod.Default(program.Id, d.Kind, year, d.Number, program.TermStartYear, program.TermEndYear)).ToList();
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
        ChangeAsync(actor, periodId, version, ct, (db, period) =>
        {
            if (period.State != PeriodState.Planned)
            {
                return Task.FromResult<OperationResult?>(OperationResult.Form(period.State == PeriodState.Open ? "Kỳ báo cáo đã mở." : "Kỳ báo cáo đã đóng; không mở lại được (số liệu đã chốt)."));
            }
            period.State = PeriodState.Open;
            return Task.FromResult<OperationResult?>(null);
        });

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
