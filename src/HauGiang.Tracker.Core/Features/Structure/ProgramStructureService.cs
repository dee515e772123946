using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Administration;
using HauGiang.Tracker.Core.Features.Amendments;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Status;
using HauGiang.Tracker.Core.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Structure;

/// <summary>Reads the program's structure with every item's lead unit, deadline, status and progress.</summary>
public sealed class ProgramStructureService(IDbContextFactory<TrackerDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The structure of the program (the first one when no code is given) as of today.</summary>
    public async Task<ProgramStructure?> GetAsync(string? programCode = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = VietnamClock.Today(clock);
        var program = await db.Programs.AsNoTracking()
            .Where(p => programCode == null || p.Code == programCode)
            .OrderBy(p => p.Id)
            .Select(p => new ProgramHeader(p.Id, p.Code, p.Title, p.IssuingBody, p.IssuedOn, p.TermStartYear + "–" + p.TermEndYear,
                p.Implements, p.Motto, p.Spirit, p.Goal, p.Amendments.Count))
            .FirstOrDefaultAsync(ct);
        if (program is null)
        {
            return null;
        }

        var period = await CurrentPeriodQuery.ForDayAsync(db, program.Id, today, ct);
        var facts = await ItemFactsQuery.LoadAsync(db, program.Id, today, period?.Id, ct);
        var rows = await LoadRowsAsync(db, program.Id, today, facts, ct);

        var breakthroughs = await db.Breakthroughs.AsNoTracking().Where(b => b.ProgramId == program.Id).OrderBy(b => b.Ordinal).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.ProgramId == program.Id).OrderBy(g => g.Ordinal).ToListAsync(ct);

        var byBreakthrough = rows.Items.ToLookup(r => rows.Placement[r.Id].BreakthroughId);
        var byGroup = rows.Items.ToLookup(r => rows.Placement[r.Id].GroupId);
        var tops = rows.Items.Where(r => r.ParentId is null).ToList();

        return new ProgramStructure(
            program,
            today,
            period?.Label,
            Rollup(tops),
            StatusCounts.Of(rows.Items),
            [.. breakthroughs.Select(b => Node(byBreakthrough[b.Id], items => new BreakthroughNode(b.Id, b.Ordinal, b.Title, Rollup(items), StatusCounts.Of(items), items)))],
            [.. groups.Select(g => Node(byGroup[g.Id], items => new GroupNode(g.Id, g.Ordinal, g.Heading, g.Title, g.Text, Rollup(items), StatusCounts.Of(items), items)))],
            [.. rows.Items.Where(r => rows.Placement[r.Id] is { BreakthroughId: null, GroupId: null })]);
    }

    private static T Node<T>(IEnumerable<ItemRow> items, Func<IReadOnlyList<ItemRow>, T> make) => make([.. items]);

    // Items placed under a breakthrough or group roll up from their top-most members there.
    private static decimal Rollup(IReadOnlyList<ItemRow> items)
    {
        var ids = items.Select(i => i.Id).ToHashSet();
        var top = items.Where(i => i.ParentId is null || !ids.Contains(i.ParentId.Value));
        return ProgressRollup.Compute(RollupNode.Parent([.. top.Select(i => RollupNode.Leaf(i.Progress, 1m, i.State == ItemState.Dropped))]));
    }

    private sealed record Placement(int? BreakthroughId, int? GroupId);

    private sealed record Rows(IReadOnlyList<ItemRow> Items, IReadOnlyDictionary<int, Placement> Placement);

    private static async Task<Rows> LoadRowsAsync(TrackerDbContext db, int programId, DateOnly today, IReadOnlyDictionary<int, ItemFacts> facts, CancellationToken ct)
    {
        var items = await db.WorkItems.AsNoTracking()
            .Where(i => i.ProgramId == programId)
            .Select(i => new
            {
                i.Id,
                i.Code,
                i.Title,
                IsDocument = i is RequiredDocument,
                i.ParentId,
                i.BreakthroughId,
                i.GroupId,
                i.Ordinal,
                i.Weight,
                i.IsSample,
                i.State,
                i.Deadline,
                i.OriginalDeadline,
            })
            .ToListAsync(ct);
        var leads = await db.Assignments.AsNoTracking()
            .Where(a => a.WorkItem!.ProgramId == programId && a.Role == AssignmentRole.Lead)
            .OrderBy(a => a.StartsOn)
            .Select(a => new { a.WorkItemId, a.OrgUnitId, a.OrgUnit!.Name, a.EndsOn })
            .ToListAsync(ct);
        var leadByItem = leads.GroupBy(a => a.WorkItemId).ToDictionary(g => g.Key, g =>
        {
            var current = g.LastOrDefault(a => a.EndsOn is null);
            if (current is null)
            {
                return null;
            }
            var previous = g.LastOrDefault(a => a.EndsOn is not null && a.OrgUnitId != current.OrgUnitId);
            return new UnitRef(current.OrgUnitId, current.Name, previous?.Name);
        });

        var byId = items.ToDictionary(i => i.Id);
        var children = items.ToLookup(i => i.ParentId);
        var ordered = new List<ItemRow>(items.Count);
        var placement = new Dictionary<int, Placement>(items.Count);

        // Depth-first, so a parent is listed before its children and its progress rolls up from theirs.
        // Children without a place of their own sit where their parent does.
        ItemRow Build(int id, int depth, Placement inherited)
        {
            var i = byId[id];
            var place = i.BreakthroughId is null && i.GroupId is null ? inherited : new Placement(i.BreakthroughId, i.GroupId);
            placement[id] = place;
            var f = facts.GetValueOrDefault(i.Id, ItemFacts.None);
            var status = StatusEvaluator.Evaluate(new StatusFacts(i.Deadline, i.OriginalDeadline, f.Completions, f.HasStarted, f.ReportedThisPeriod, today));
            var slot = ordered.Count;
            ordered.Add(null!);
            var kids = children[i.Id].OrderBy(c => c.Ordinal).Select(c => (Row: Build(c.Id, depth + 1, place), c.Weight)).ToList();
            var progress = kids.Count == 0 || status.IsCompleted
                ? CompletionRule.OfficialPercent(status, f.LatestConfirmedPercent)
                : ProgressRollup.Compute(RollupNode.Parent([.. kids.Select(k => RollupNode.Leaf(k.Row.Progress, k.Weight, k.Row.State == ItemState.Dropped))]));
            var row = new ItemRow(i.Id, i.Code, i.Title, i.IsDocument ? WorkItemKind.Document : WorkItemKind.Task, i.ParentId, depth, i.IsSample, i.State,
                leadByItem.GetValueOrDefault(i.Id), i.Deadline, i.OriginalDeadline, status, progress, f.LastReportAt);
            ordered[slot] = row;
            return row;
        }

        foreach (var root in children[null].OrderBy(r => r.IsDocument).ThenBy(r => r.Ordinal))
        {
            Build(root.Id, 0, new Placement(null, null));
        }
        return new Rows(ordered, placement);
    }
}
