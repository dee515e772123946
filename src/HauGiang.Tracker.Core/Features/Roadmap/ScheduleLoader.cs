using HauGiang.Tracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>
/// The deadlines and milestones of every item of a program as they stood on a day, in two queries whatever the
/// number of items: adjustments decided after the day are left out, milestones done after it are still open.
/// </summary>
internal static class ScheduleLoader
{
    public static async Task<IReadOnlyDictionary<int, ItemSchedule>> LoadAsync(TrackerDbContext db, int programId, DateOnly day, CancellationToken ct)
    {
        var steps = (await db.DeadlineRevisions.AsNoTracking()
            .Where(r => db.WorkItems.Any(i => i.Id == r.WorkItemId && i.ProgramId == programId) && (r.Sequence == 0 || r.EffectiveOn <= day))
            .OrderBy(r => r.WorkItemId).ThenBy(r => r.Sequence)
            .Select(r => new { r.WorkItemId, Step = new DeadlineStep(r.Sequence, r.Deadline, r.EffectiveOn, r.BasisNumber, r.BasisDate, r.BasisNote) })
            .ToListAsync(ct)).ToLookup(r => r.WorkItemId, r => r.Step);
        var milestones = (await db.Milestones.AsNoTracking()
            .Where(m => db.WorkItems.Any(i => i.Id == m.WorkItemId && i.ProgramId == programId))
            .OrderBy(m => m.WorkItemId).ThenBy(m => m.Ordinal)
            .Select(m => new { m.WorkItemId, m.Id, m.Ordinal, m.Title, m.DueDate, m.CompletedOn })
            .ToListAsync(ct)).ToLookup(m => m.WorkItemId, m => new MilestoneFact(m.Id, m.Ordinal, m.Title, m.DueDate, m.CompletedOn <= day ? m.CompletedOn : null));
        return steps.Select(s => s.Key).Union(milestones.Select(m => m.Key))
            .ToDictionary(id => id, id => new ItemSchedule([.. steps[id]], [.. milestones[id]]));
    }
}
