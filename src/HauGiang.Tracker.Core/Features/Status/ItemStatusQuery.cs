using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Status;

/// <summary>Where an item sits in the program's tree: the narrow read that finds a subtree and an item's depth.</summary>
internal sealed record ItemNode(int Id, int? ParentId, int Ordinal, decimal Weight, bool IsDocument, int? BreakthroughId, int? GroupId);

/// <summary>Status rows in the program's order (parents before children), with the tree they were read from.</summary>
internal sealed record ItemTree(IReadOnlyList<ItemRow> Rows, IReadOnlyDictionary<int, ItemNode> Nodes);

/// <summary>
/// The status rows of items as of a day, by one set of rules for one item, a few or the whole program, in a
/// fixed number of queries: the tree's ids, then reports, leads and item fields of only the wanted items and
/// their descendants (a parent's progress rolls up from its children's).
/// </summary>
public static class ItemStatusQuery
{
    /// <param name="itemIds">The items wanted; every item of the program when null. Ids of other programs are ignored.</param>
    /// <returns>The wanted items' rows, parents before children, in the program's order.</returns>
    public static async Task<IReadOnlyList<ItemRow>> LoadAsync(TrackerDbContext db, int programId, DateOnly today, IReadOnlyCollection<int>? itemIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var period = await CurrentPeriodQuery.ForDayAsync(db, programId, today, ct);
        var tree = await LoadTreeAsync(db, programId, today, period?.Id, itemIds, ct);
        if (itemIds is null)
        {
            return tree.Rows;
        }
        var wanted = itemIds.ToHashSet();
        return [.. tree.Rows.Where(r => wanted.Contains(r.Id))];
    }

    /// <summary>One item's row; null when the program holds no such item.</summary>
    public static async Task<ItemRow?> ForItemAsync(TrackerDbContext db, int programId, int itemId, DateOnly today, CancellationToken ct) =>
        (await LoadAsync(db, programId, today, [itemId], ct)).SingleOrDefault();

    internal static async Task<ItemTree> LoadTreeAsync(TrackerDbContext db, int programId, DateOnly today, int? currentPeriodId, IReadOnlyCollection<int>? itemIds, CancellationToken ct)
    {
        var nodes = await db.WorkItems.AsNoTracking().Where(i => i.ProgramId == programId)
            .Select(i => new ItemNode(i.Id, i.ParentId, i.Ordinal, i.Weight, i is RequiredDocument, i.BreakthroughId, i.GroupId))
            .ToDictionaryAsync(n => n.Id, ct);
        var children = nodes.Values.ToLookup(n => n.ParentId);
        var needed = itemIds is null ? null : Subtrees(itemIds.Where(nodes.ContainsKey), children);

        var facts = await ItemFactsQuery.LoadAsync(db, programId, today, currentPeriodId, ct, itemIds: needed);
        var items = db.WorkItems.AsNoTracking().Where(i => i.ProgramId == programId);
        var assignments = db.Assignments.AsNoTracking().Where(a => a.WorkItem!.ProgramId == programId && a.Role == AssignmentRole.Lead);
        if (needed is not null)
        {
            items = items.Where(i => needed.Contains(i.Id));
            assignments = assignments.Where(a => needed.Contains(a.WorkItemId));
        }
        var fields = await items
            .Select(i => new ItemFields(i.Id, i.Code, i.Title, i.IsSample, i.Origin, i.State, i.Deadline, i.OriginalDeadline))
            .ToDictionaryAsync(i => i.Id, ct);
        var leads = await assignments.OrderBy(a => a.StartsOn)
            .Select(a => new LeadSpell(a.WorkItemId, a.OrgUnitId, a.OrgUnit!.Name, a.EndsOn))
            .ToListAsync(ct);
        var leadByItem = leads.GroupBy(a => a.WorkItemId).ToDictionary(g => g.Key, g => CurrentLead(g));

        var rows = new List<ItemRow>(fields.Count);
        // Depth-first, so a parent is listed before its children and its progress rolls up from theirs.
        ItemRow Build(ItemNode node, int depth)
        {
            var i = fields[node.Id];
            var f = facts.GetValueOrDefault(node.Id, ItemFacts.None);
            var status = StatusEvaluator.Evaluate(new StatusFacts(i.Deadline, i.OriginalDeadline, f.Completions, f.HasStarted, f.ReportedThisPeriod, today));
            var slot = rows.Count;
            rows.Add(null!);
            var kids = children[node.Id].OrderBy(c => c.Ordinal).Select(c => (Row: Build(c, depth + 1), c.Weight)).ToList();
            var progress = kids.Count == 0 || status.IsCompleted
                ? CompletionRule.OfficialPercent(status, f.LatestConfirmedPercent)
                : ProgressRollup.Compute(RollupNode.Parent([.. kids.Select(k => RollupNode.Leaf(k.Row.Progress, k.Weight, k.Row.State == ItemState.Dropped))]));
            var row = new ItemRow(i.Id, i.Code, i.Title, node.IsDocument ? WorkItemKind.Document : WorkItemKind.Task, node.ParentId, depth, i.IsSample, i.Origin, i.State,
                leadByItem.GetValueOrDefault(i.Id), i.Deadline, i.OriginalDeadline, status, progress, f.LastReportAt);
            rows[slot] = row;
            return row;
        }

        // The whole tree is walked (in memory) for the order and the depth; only the needed subtrees are evaluated.
        void Visit(ItemNode node, int depth)
        {
            if (needed is null || needed.Contains(node.Id))
            {
                Build(node, depth);
                return;
            }
            foreach (var child in children[node.Id].OrderBy(c => c.Ordinal))
            {
                Visit(child, depth + 1);
            }
        }

        foreach (var root in children[null].OrderBy(r => r.IsDocument).ThenBy(r => r.Ordinal))
        {
            Visit(root, 0);
        }
        return new ItemTree(rows, nodes);
    }

    private sealed record ItemFields(int Id, string Code, string Title, bool IsSample, ItemOrigin Origin, ItemState State, Deadline Deadline, Deadline OriginalDeadline);

    private sealed record LeadSpell(int WorkItemId, int OrgUnitId, string Name, DateOnly? EndsOn);

    // The unit leading now, and the one it took the work over from.
    private static UnitRef? CurrentLead(IEnumerable<LeadSpell> spells)
    {
        var list = spells.ToList();
        var current = list.LastOrDefault(a => a.EndsOn is null);
        if (current is null)
        {
            return null;
        }
        var previous = list.LastOrDefault(a => a.EndsOn is not null && a.OrgUnitId != current.OrgUnitId);
        return new UnitRef(current.OrgUnitId, current.Name, previous?.Name);
    }

    private static HashSet<int> Subtrees(IEnumerable<int> roots, ILookup<int?, ItemNode> children)
    {
        var found = new HashSet<int>();
        var pending = new Stack<int>(roots);
        while (pending.TryPop(out var id))
        {
            if (found.Add(id))
            {
                foreach (var child in children[id])
                {
                    pending.Push(child.Id);
                }
            }
        }
        return found;
    }
}
