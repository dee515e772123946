using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Status;

public static class CompletionQuery
{
    /// <summary>The items of a program that were done by the end of a day, by the same rules the status shows.</summary>
    public static async Task<IReadOnlySet<int>> CompletedByAsync(TrackerDbContext db, int programId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var facts = await ItemFactsQuery.LoadAsync(db, programId, day, null, ct);
        var deadlines = await db.WorkItems.AsNoTracking().Where(i => i.ProgramId == programId)
            .Select(i => new { i.Id, i.Deadline, i.OriginalDeadline }).ToListAsync(ct);
        return deadlines
            .Where(i => facts.TryGetValue(i.Id, out var f)
                        && StatusEvaluator.Evaluate(new StatusFacts(i.Deadline, i.OriginalDeadline, f.Completions, f.HasStarted, true, day)).IsCompleted)
            .Select(i => i.Id)
            .ToHashSet();
    }
}
