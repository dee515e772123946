using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Indicators;

public sealed record IndicatorValueView(int PeriodId, string PeriodLabel, int PeriodYear, decimal Value, string? SourceNote, DateTime RecordedAt, string? RecordedBy, uint Version);

public sealed record IndicatorSheet(int Id, string Code, string Name, string? Measure, IndicatorDirection Direction, int? ResponsibleUnitId, string? ResponsibleUnit,
    bool IsSample, IReadOnlyDictionary<int, string?> Targets, IReadOnlyList<IndicatorValueView> Values);

/// <summary>The responsible unit records an indicator's actual value for a period, with where the figure comes from.</summary>
public sealed class IndicatorValueService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    public async Task<IReadOnlyList<IndicatorSheet>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets).Include(i => i.ResponsibleUnit)
            .Include(i => i.Values).ThenInclude(v => v.Period).AsSplitQuery().OrderBy(i => i.Code).ToListAsync(ct);
        return [.. indicators.Select(i => new IndicatorSheet(i.Id, i.Code, i.Name, i.Measure, i.Direction, i.ResponsibleUnitId, i.ResponsibleUnit?.Name, i.IsSample,
            i.Targets.ToDictionary(t => t.Year, t => IndicatorAdministration.FormatTarget(t)),
            [.. i.Values.OrderByDescending(v => v.Period!.EndsOn).Select(v => new IndicatorValueView(v.PeriodId, v.Period!.Label, v.Period.Year, v.Value, v.SourceNote, v.RecordedAt, v.RecordedBy, v.Version))]))];
    }

    /// <summary>Records (or corrects, while the period is open) the value for a period. <paramref name="version"/> is the value as opened, null for a new one.</summary>
    public async Task<OperationResult> RecordAsync(Actor actor, int indicatorId, int periodId, decimal? value, string? sourceNote, uint? version, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Id == indicatorId, ct);
        if (indicator is null)
        {
            return OperationResult.Form("Không tìm thấy chỉ tiêu này.");
        }
        await guard.DemandAsync(actor, Operation.EnterIndicatorValue, UnitScope.Lead(indicator.ResponsibleUnitId), indicator.Code, ct);
        var period = await db.Periods.AsNoTracking().SingleOrDefaultAsync(p => p.Id == periodId && p.ProgramId == indicator.ProgramId, ct);
        var errors = new ValidationErrors();
        errors.Add("PeriodId", period is null ? "Chọn kỳ báo cáo." : null);
        errors.Add("PeriodId", period is { State: not PeriodState.Open } ? "Chỉ nhập số liệu cho kỳ báo cáo đang mở." : null);
        errors.Add("Value", value is null ? "Nhập giá trị thực hiện." : null);
        errors.Add("Value", value is < -1_000_000_000_000m or > 1_000_000_000_000m ? "Giá trị nằm ngoài khoảng cho phép." : null);
        errors.Add("SourceNote", TextLimits.IsBlank(sourceNote) ? "Ghi nguồn số liệu (ví dụ: báo cáo PCI năm 2024 của VCCI, Cục Thống kê…)." : null);
        errors.Add("SourceNote", (sourceNote?.Length ?? 0) > TextLimits.Paragraph ? $"Nguồn số liệu không quá {TextLimits.Paragraph} ký tự." : null);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var row = await db.IndicatorValues.SingleOrDefaultAsync(v => v.IndicatorId == indicatorId && v.PeriodId == periodId, ct);
        if (row is null)
        {
            if (version is not null)
            {
                return OperationResult.Form("Số liệu bạn đang sửa vừa bị xóa; tải lại để xem.");
            }
            row = new IndicatorValue { IndicatorId = indicatorId, PeriodId = periodId };
            db.IndicatorValues.Add(row);
        }
        else if (row.Version != version)
        {
            return ConcurrencyConflict.Describe([("Giá trị", null, row.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Nguồn số liệu", null, row.SourceNote)]);
        }
        row.Value = Math.Round(value!.Value, 4);
        row.SourceNote = sourceNote!.Trim();
        row.RecordedAt = db.Clock.GetUtcNow().UtcDateTime;
        row.RecordedBy = actor.UserName;
        const string Taken = "Người khác vừa nhập số liệu này trước bạn; tải lại để xem.";
        return await db.SaveUnlessConflictAsync(_ => Task.FromResult(OperationResult.Form(Taken)), Taken, ct);
    }
}
