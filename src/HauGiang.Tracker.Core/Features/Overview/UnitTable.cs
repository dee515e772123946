using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Overview;

/// <summary>
/// One responsible unit's record on the day. <see cref="OnTimeRate"/> = done on time ÷ (done on time + done
/// late + overdue), in percent; null while nothing led has fallen due. <see cref="Former"/> are the ended units
/// whose work it took over, each with its own record.
/// </summary>
public sealed record UnitRow(
    UnitFact Unit,
    int Led,
    int Coordinated,
    int DoneOnTime,
    int DoneLate,
    int Overdue,
    decimal? OnTimeRate,
    DateTime? LastReportAt,
    int OpenExplanations,
    int ReturnedReports,
    int? Rank,
    IReadOnlyList<UnitRow> Former);

/// <summary>
/// The units' table: a row per unit in office on the day, with its thi đua rank. Units rank by on-time rate,
/// highest first; ties by fewer overdue items, then by more done on time; equal records share a rank; a unit
/// with nothing fallen due is not ranked.
/// </summary>
public static class UnitTable
{
    public static IReadOnlyList<UnitRow> Of(ProgramFacts facts, ItemFilter scope)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(scope);
        var items = (scope with { UnitId = null }).Apply(facts).ToList();
        var led = items.Where(i => i.Row.Lead is not null).ToLookup(i => i.Row.Lead!.Id);
        var coordinated = items.SelectMany(i => i.Coordinators.Distinct().Select(u => (Unit: u, Item: i))).ToLookup(x => x.Unit);
        var activity = facts.Activity.ToDictionary(a => a.UnitId);

        UnitRow Row(UnitFact unit, IReadOnlyList<UnitRow> former)
        {
            var mine = led[unit.Id].ToList();
            int onTime = mine.Count(i => i.Status.Axis == ProgressAxis.DoneOnTime), late = mine.Count(i => i.Status.Axis == ProgressAxis.DoneLate),
                overdue = mine.Count(i => i.Status.Axis == ProgressAxis.Overdue);
            var due = onTime + late + overdue;
            var a = activity.GetValueOrDefault(unit.Id);
            return new UnitRow(unit, mine.Count, coordinated[unit.Id].Count(), onTime, late, overdue,
                due == 0 ? null : Math.Round(100m * onTime / due, 1, MidpointRounding.AwayFromZero),
                a?.LastReportAt, a?.OpenExplanations ?? 0, a?.ReturnedReports ?? 0, null, former);
        }

        var day = facts.AsOf;
        var inOffice = facts.Units.Where(u => u.IsSample == scope.Samples && (u.ValidFrom is null || u.ValidFrom <= day) && (u.ValidTo is null || day <= u.ValidTo)).ToList();
        var officeIds = inOffice.Select(u => u.Id).ToHashSet();
        var ended = facts.Units.Where(u => u.IsSample == scope.Samples && u.ValidTo < day).ToList();
        // An ended unit shows under the first of its successors in office on the day; one with none, on its own.
        var under = ended.Where(u => u.SuccessorIds.Any(officeIds.Contains)).ToLookup(u => u.SuccessorIds.First(officeIds.Contains));
        static bool Involved(UnitRow r) => r.Led + r.Coordinated + r.Former.Count > 0 || r.LastReportAt is not null || r.OpenExplanations + r.ReturnedReports > 0;
        var rows = inOffice.Select(u => Row(u, [.. under[u.Id].Select(f => Row(f, []))])).Where(Involved).ToList();
        var orphans = ended.Where(u => !u.SuccessorIds.Any(officeIds.Contains)).Select(u => Row(u, [])).Where(Involved);
        return [.. Ranked(rows), .. orphans];
    }

    /// <summary>Ranks the rows of units in office by the thi đua rule; the order of the result is the ranking, unranked last by name.</summary>
    public static IReadOnlyList<UnitRow> Ranked(IReadOnlyList<UnitRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var ranked = rows.Where(r => r.OnTimeRate is not null)
            .OrderByDescending(r => r.OnTimeRate).ThenBy(r => r.Overdue).ThenByDescending(r => r.DoneOnTime).ToList();
        var result = new List<UnitRow>(rows.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var r = ranked[i];
            var same = i > 0 && result[i - 1] is var prev && prev.OnTimeRate == r.OnTimeRate && prev.Overdue == r.Overdue && prev.DoneOnTime == r.DoneOnTime;
            result.Add(r with { Rank = same ? result[i - 1].Rank : i + 1 });
        }
        result.AddRange(rows.Except(ranked).OrderBy(r => r.Unit.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)));
        return result;
    }
}
