using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Status;

public static class CurrentPeriodQuery
{
    /// <summary>The cadence "chưa báo cáo kỳ này" is judged against.</summary>
    public const PeriodKind Cadence = PeriodKind.Quarter;

    /// <summary>The quarterly period whose window holds the day, if one is defined.</summary>
    public static Task<ReportingPeriod?> ForDayAsync(TrackerDbContext db, int programId, DateOnly day, CancellationToken ct) =>
        db.Periods.AsNoTracking()
            .Where(p => p.ProgramId == programId && p.Kind == Cadence && p.StartsOn <= day && p.EndsOn >= day)
            .OrderBy(p => p.StartsOn)
            .FirstOrDefaultAsync(ct);
}
