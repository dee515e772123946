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

/// <summary>The fields of an item a row shows, as the program holds them now.</summary>
internal sealed record ItemFields(int Id, string Code, string Title, bool IsSample, ItemOrigin Origin, ItemState State, Deadline Deadline, Deadline OriginalDeadline);

/// <summary>One item's own standing before its children roll up into it: what a status row is built from.</summary>
internal sealed record OwnStanding(ItemFields Fields, UnitRef? Lead, ItemStatus Status, decimal OwnPercent, DateTime? LastReportAt);

/// <summary>What a program's status rows are walked from, kept so a change to a few items' reports reads only theirs again.</summary>
internal interface IRowParts
{
    IReadOnlyDictionary<int, ItemNode> Nodes { get; }

    ItemTree Walk();

    /// <summary>The same parts with what the reports of <paramref name="items"/> say read again, on the same day and cutoff.</summary>
    Task<IRowParts> WithReportsOfAsync(TrackerDbContext db, int programId, IReadOnlyCollection<int> items, CancellationToken ct);

    /// <summary><paramref name="kept"/> with the entries of <paramref name="items"/> as read again: replaced, or gone when nothing was read.</summary>
    static Dictionary<int, T> Replace<T>(IReadOnlyDictionary<int, T> kept, IReadOnlyDictionary<int, T> fresh, IEnumerable<int> items)
    {
        var merged = new Dictionary<int, T>(kept);
        foreach (var id in items)
        {
            if (fresh.TryGetValue(id, out var value))
            {
                merged[id] = value;
            }
            else
            {
                merged.Remove(id);
            }
        }
        return merged;
    }
}

/// <summary>
/// The inputs of a tree's status rows: the tree, the items' fields and lead units, and what their reports say
/// (<see cref="ItemFacts"/>), for the day the statuses are judged on and its reporting period.
/// </summary>
internal sealed record TreeParts(
    IReadOnlyDictionary<int, ItemNode> Nodes, IReadOnlySet<int>? Needed, IReadOnlyDictionary<int, ItemFacts> Facts,
    IReadOnlyDictionary<int, ItemFields> Fields, IReadOnlyDictionary<int, UnitRef?> Leads, DateOnly Today, int? CurrentPeriodId,
    IReadOnlyDictionary<int, ReportSummary> Summaries) : IRowParts
{
    public async Task<IRowParts> WithReportsOfAsync(TrackerDbContext db, int programId, IReadOnlyCollection<int> items, CancellationToken ct)
    {
        var (fresh, summaries) = await ItemFactsQuery.LoadWithSummariesAsync(db, programId, Today, CurrentPeriodId, ct, itemIds: items);
        return this with { Facts = IRowParts.Replace(Facts, fresh, items), Summaries = IRowParts.Replace(Summaries, summaries, items) };
    }

    /// <summary>This fold of the reports, for a new load of the whole program after changes to the reports of <paramref name="changed"/> only.</summary>
    public KnownSummaries? Reusable(IReadOnlyCollection<int> changed) => Needed is null ? new KnownSummaries(CurrentPeriodId, Summaries, changed) : null;

    public ItemTree Walk() => ItemStatusQuery.Walk(Nodes, Needed, id =>
    {
        if (!Fields.TryGetValue(id, out var i))
        {
            return null;
        }
        var f = Facts.GetValueOrDefault(id, ItemFacts.None);
        var status = StatusEvaluator.Evaluate(new StatusFacts(i.Deadline, i.OriginalDeadline, f.Completions, f.HasStarted, f.ReportedThisPeriod, Today));
        return new OwnStanding(i, Leads.GetValueOrDefault(id), status, CompletionRule.OfficialPercent(status, f.LatestConfirmedPercent), f.LastReportAt);
    });
}

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

    internal static Task<Dictionary<int, ItemNode>> LoadNodesAsync(TrackerDbContext db, int programId, CancellationToken ct) =>
        db.WorkItems.AsNoTracking().Where(i => i.ProgramId == programId)
            .Select(i => new ItemNode(i.Id, i.ParentId, i.Ordinal, i.Weight, i is RequiredDocument, i.BreakthroughId, i.GroupId))
            .ToDictionaryAsync(n => n.Id, ct);

    internal static Task<Dictionary<int, ItemFields>> LoadFieldsAsync(IQueryable<WorkItem> items, CancellationToken ct) =>
        items.Select(i => new ItemFields(i.Id, i.Code, i.Title, i.IsSample, i.Origin, i.State, i.Deadline, i.OriginalDeadline))
            .ToDictionaryAsync(i => i.Id, ct);

    /// <param name="history">
    /// Reconstruct <paramref name="today"/> as it stood then (a past day): the deadlines in force and the lead
    /// units on that day, only the items the program held by then, and drops by amendments decided by then.
    /// </param>
    /// <param name="newContext">
    /// When given, the reports are read on a context of their own while <paramref name="db"/> reads the items and their
    /// leads: the two halves of a whole program's load then overlap.
    /// </param>
    internal static async Task<ItemTree> LoadTreeAsync(
        TrackerDbContext db, int programId, DateOnly today, int? currentPeriodId, IReadOnlyCollection<int>? itemIds, CancellationToken ct, bool history = false,
        Func<TrackerDbContext>? newContext = null) =>
        (await LoadTreePartsAsync(db, programId, today, currentPeriodId, itemIds, ct, history, newContext)).Walk();

    /// <summary>What <see cref="LoadTreeAsync"/> walks: kept by the read model so a change to a few items' reports refolds only theirs.</summary>
    /// <param name="known">An earlier fold of the reports to reuse (see <see cref="ItemFactsQuery.LoadWithSummariesAsync"/>).</param>
    internal static async Task<TreeParts> LoadTreePartsAsync(
        TrackerDbContext db, int programId, DateOnly today, int? currentPeriodId, IReadOnlyCollection<int>? itemIds, CancellationToken ct, bool history = false,
        Func<TrackerDbContext>? newContext = null, KnownSummaries? known = null)
    {
        var nodes = await LoadNodesAsync(db, programId, ct);
        var children = nodes.Values.ToLookup(n => n.ParentId);
        var needed = itemIds is null ? null : Subtrees(itemIds.Where(nodes.ContainsKey), children);

        (IReadOnlyDictionary<int, ItemFacts> Facts, IReadOnlyDictionary<int, ReportSummary> Summaries) facts;
        Dictionary<int, ItemFields> fields;
        Dictionary<int, UnitRef?> leadByItem;
        if (newContext is null)
        {
            facts = await ItemFactsQuery.LoadWithSummariesAsync(db, programId, today, currentPeriodId, ct, itemIds: needed, known: known);
            (fields, leadByItem) = await FieldsAndLeadsAsync();
        }
        else
        {
            var factsLane = FactsOnOwnContextAsync();
            var fieldsLane = FieldsAndLeadsAsync();
            await Task.WhenAll(factsLane, fieldsLane);
            (facts, (fields, leadByItem)) = (await factsLane, await fieldsLane);
        }

        return new TreeParts(nodes, needed, facts.Facts, fields, leadByItem, today, currentPeriodId, facts.Summaries);

        async Task<(Dictionary<int, ItemFields>, Dictionary<int, UnitRef?>)> FieldsAndLeadsAsync()
        {
            var items = db.WorkItems.AsNoTracking().Where(i => i.ProgramId == programId);
            // By the items' ids, not a join on the program: the planner then probes the assignments' index per item
            // instead of scanning every program's assignments (8 ms → under 1 ms at scale L).
            var ids = needed?.ToList() ?? [.. nodes.Keys];
            var assignments = db.Assignments.AsNoTracking().Where(a => ids.Contains(a.WorkItemId) && a.Role == AssignmentRole.Lead);
            if (needed is not null)
            {
                items = items.Where(i => needed.Contains(i.Id));
            }
            if (history)
            {
                assignments = assignments.Where(a => a.StartsOn <= today);
            }
            var fields = await LoadFieldsAsync(items, ct);
            var leads = await assignments.OrderBy(a => a.StartsOn)
                .Select(a => new LeadSpell(a.WorkItemId, a.OrgUnitId, a.OrgUnit!.Name, a.EndsOn))
                .ToListAsync(ct);
            var leadByItem = leads.GroupBy(a => a.WorkItemId).ToDictionary(g => g.Key, g => LeadOn(g, history ? today : null));
            return (history ? await AsTheyStoodAsync(db, items, fields, today, ct) : fields, leadByItem);
        }

        async Task<(IReadOnlyDictionary<int, ItemFacts>, IReadOnlyDictionary<int, ReportSummary>)> FactsOnOwnContextAsync()
        {
            await using var own = newContext();
            return await ItemFactsQuery.LoadWithSummariesAsync(own, programId, today, currentPeriodId, ct, itemIds: needed, known: known);
        }
    }

    /// <summary>
    /// Builds the rows depth-first, so a parent is listed before its children and its progress rolls up from
    /// theirs. An item without a standing (not in the program on the day) is left out with its subtree.
    /// </summary>
    internal static ItemTree Walk(IReadOnlyDictionary<int, ItemNode> nodes, IReadOnlySet<int>? needed, Func<int, OwnStanding?> standing)
    {
        var children = nodes.Values.ToLookup(n => n.ParentId);
        var rows = new List<ItemRow>(nodes.Count);

        ItemRow? Build(ItemNode node, int depth)
        {
            if (standing(node.Id) is not { } own)
            {
                return null;
            }
            var slot = rows.Count;
            rows.Add(null!);
            var kids = children[node.Id].OrderBy(c => c.Ordinal)
                .Select(c => (Row: Build(c, depth + 1), c.Weight)).Where(k => k.Row is not null).ToList();
            var i = own.Fields;
            var progress = kids.Count == 0 || own.Status.IsCompleted
                ? own.OwnPercent
                : ProgressRollup.Compute(RollupNode.Parent([.. kids.Select(k => RollupNode.Leaf(k.Row!.Progress, k.Weight, k.Row.State == ItemState.Dropped))]));
            var row = new ItemRow(i.Id, i.Code, i.Title, node.IsDocument ? WorkItemKind.Document : WorkItemKind.Task, node.ParentId, depth, i.IsSample, i.Origin, i.State,
                own.Lead, i.Deadline, i.OriginalDeadline, own.Status, progress, own.LastReportAt);
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

    /// <summary>
    /// The items as they stood on a past day: those whose first deadline took effect by then, with the deadline
    /// in force then, and dropped only when the dropping amendment was decided by then.
    /// </summary>
    internal static async Task<Dictionary<int, ItemFields>> AsTheyStoodAsync(
        TrackerDbContext db, IQueryable<WorkItem> items, Dictionary<int, ItemFields> fields, DateOnly day, CancellationToken ct) =>
        (await ItemHistory.LoadAsync(db, items, ct)).On(fields, day);

    private sealed record LeadSpell(int WorkItemId, int OrgUnitId, string Name, DateOnly? EndsOn);

    // The unit leading on the day (now when null), and the one it took the work over from.
    private static UnitRef? LeadOn(IEnumerable<LeadSpell> spells, DateOnly? day)
    {
        var list = spells.ToList();
        var current = list.LastOrDefault(a => day is null ? a.EndsOn is null : a.EndsOn is null || a.EndsOn >= day);
        if (current is null)
        {
            return null;
        }
        var previous = list.Take(list.IndexOf(current)).LastOrDefault(a => a.OrgUnitId != current.OrgUnitId);
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

/// <summary>The deadline revisions and drops of items, to tell how the items stood on any past day.</summary>
internal sealed class ItemHistory
{
    private readonly ILookup<int, (int Sequence, Deadline Deadline, DateOnly EffectiveOn)> _revisions;
    private readonly Dictionary<int, DateOnly?> _drops;

    private ItemHistory(ILookup<int, (int, Deadline, DateOnly)> revisions, Dictionary<int, DateOnly?> drops) => (_revisions, _drops) = (revisions, drops);

    public static async Task<ItemHistory> LoadAsync(TrackerDbContext db, IQueryable<WorkItem> items, CancellationToken ct)
    {
        var revisions = (await db.DeadlineRevisions.AsNoTracking()
            .Where(r => items.Any(i => i.Id == r.WorkItemId))
            .Select(r => new { r.WorkItemId, r.Sequence, r.Deadline, r.EffectiveOn })
            .ToListAsync(ct)).ToLookup(r => r.WorkItemId, r => (r.Sequence, r.Deadline, r.EffectiveOn));
        var drops = await items.Where(i => i.DroppedByAmendmentId != null)
            .Select(i => new { i.Id, On = db.Amendments.Where(a => a.Id == i.DroppedByAmendmentId).Select(a => (DateOnly?)a.DecisionDate).FirstOrDefault() })
            .ToDictionaryAsync(d => d.Id, d => d.On, ct);
        return new ItemHistory(revisions, drops);
    }

    /// <summary>The fields as of the day; items whose first deadline took effect later are left out.</summary>
    public Dictionary<int, ItemFields> On(IReadOnlyDictionary<int, ItemFields> fields, DateOnly day)
    {
        var then = new Dictionary<int, ItemFields>(fields.Count);
        foreach (var (id, now) in fields)
        {
            var history = _revisions[id].OrderBy(r => r.Sequence).ToList();
            if (history.Count > 0 && history[0].EffectiveOn > day)
            {
                continue;
            }
            var inForce = history.Count > 0 ? history.LastOrDefault(r => r.EffectiveOn <= day).Deadline : now.Deadline;
            var original = history.Count > 0 ? history[0].Deadline : now.OriginalDeadline;
            var state = now.State == ItemState.Dropped && _drops.GetValueOrDefault(id) is { } droppedOn && droppedOn > day ? ItemState.Active : now.State;
            then[id] = now with { Deadline = inForce, OriginalDeadline = original, State = state };
        }
        return then;
    }
}
