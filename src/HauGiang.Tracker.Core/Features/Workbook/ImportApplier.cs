using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Core.Features.Units;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Workbook;

/// <summary>Writes a validated workbook into the database, inside the caller's transaction, reusing the editors' rules.</summary>
internal static class ImportApplier
{
    public static async Task ApplyAsync(TrackerDbContext db, Actor actor, StructureSnapshot book, ReferenceState reference, CancellationToken ct)
    {
        var context = await ProgramContext.LoadAsync(db, ct);

        // Units first (parents may be new too), then breakthroughs and groups, then items.
        foreach (var row in book.Units.Where(u => !context.Units.ContainsKey(u.Input.Code)))
        {
            var unit = new OrgUnit { Code = row.Input.Code, Name = row.Input.Name, Kind = row.Input.Kind };
            db.OrgUnits.Add(unit);
            context.Units[unit.Code] = unit;
        }
        await db.SaveChangesAsync(ct);
        var allUnits = context.Units.Values.ToList();
        foreach (var row in book.Units)
        {
            var unit = context.Units[row.Input.Code];
            if (Differs(reference.Current.Units.FirstOrDefault(u => u.Input.Code == row.Input.Code)?.Input, row.Input))
            {
                UnitAdministration.Apply(unit, row.Input, allUnits);
            }
        }

        var breakthroughs = await db.Breakthroughs.Where(b => b.ProgramId == context.Program.Id).ToListAsync(ct);
        foreach (var row in book.Breakthroughs)
        {
            var breakthrough = breakthroughs.SingleOrDefault(b => b.Ordinal == row.Ordinal);
            if (breakthrough is null)
            {
                breakthrough = new StrategicBreakthrough { ProgramId = context.Program.Id, Ordinal = row.Ordinal, Title = row.Title };
                db.Breakthroughs.Add(breakthrough);
            }
            SetIfDifferent(breakthrough.Title, row.Title, v => breakthrough.Title = v);
            SetIfDifferent(breakthrough.Description, row.Description, v => breakthrough.Description = v);
        }
        var groups = await db.Groups.Where(g => g.ProgramId == context.Program.Id).ToListAsync(ct);
        foreach (var row in book.Groups)
        {
            var group = groups.SingleOrDefault(g => g.Ordinal == row.Ordinal);
            if (group is null)
            {
                group = new SolutionGroup { ProgramId = context.Program.Id, Ordinal = row.Ordinal, Heading = row.Heading, Title = row.Title };
                db.Groups.Add(group);
            }
            SetIfDifferent(group.Heading, row.Heading, v => group.Heading = v);
            SetIfDifferent(group.Title, row.Title, v => group.Title = v);
            SetIfDifferent(group.Text, row.Text, v => group.Text = v);
        }
        await db.SaveChangesAsync(ct);
        foreach (var b in await db.Breakthroughs.Where(b => b.ProgramId == context.Program.Id).ToListAsync(ct))
        {
            context.Breakthroughs[b.Ordinal] = b.Id;
        }
        foreach (var g in await db.Groups.Where(g => g.ProgramId == context.Program.Id).ToListAsync(ct))
        {
            context.Groups[g.Ordinal] = g.Id;
        }

        var ordinal = context.Items.Count == 0 ? 0 : context.Items.Values.Max(i => i.Ordinal);
        foreach (var row in book.Items.Where(i => !context.Items.ContainsKey(i.Input.Code)))
        {
            WorkItem item = row.Input.Kind == WorkItemKind.Document ? new RequiredDocument { Code = row.Input.Code, Title = row.Input.Title } : new TaskItem { Code = row.Input.Code, Title = row.Input.Title };
            item.ProgramId = context.Program.Id;
            item.Ordinal = ++ordinal;
            item.SetOriginalDeadline(StructureRules.ReadDeadline(row.Input.Deadline, reference.FirstYear, reference.LastYear).Deadline, context.Today);
            ItemRules.Stamp(item.DeadlineRevisions[0], actor, db.Clock);
            db.WorkItems.Add(item);
            context.Items[item.Code] = item;
        }
        await db.SaveChangesAsync(ct);
        var current = reference.Current.Items.ToDictionary(i => i.Input.Code, StringComparer.Ordinal);
        foreach (var row in book.Items)
        {
            var item = context.Items[row.Input.Code];
            current.TryGetValue(row.Input.Code, out var before);
            if (before is null || Differs(before.Input, row.Input))
            {
                ItemRules.Apply(context, item, row.Input);
                var deadline = StructureRules.ReadDeadline(row.Input.Deadline, reference.FirstYear, reference.LastYear).Deadline;
                if (before is not null && deadline != item.OriginalDeadline)
                {
                    await db.Entry(item).Collection(i => i.DeadlineRevisions).LoadAsync(ct);
                    item.CorrectOriginalDeadline(deadline);
                }
            }
            if (before is null || before.State != row.State)
            {
                item.State = row.State;
            }
        }
        var inBook = book.Items.Select(i => i.Input.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var item in context.Items.Values.Where(i => !inBook.Contains(i.Code) && i.State != ItemState.Dropped))
        {
            item.State = ItemState.Dropped;
        }

        var milestones = book.Milestones.ToLookup(m => m.ItemCode);
        var currentMilestones = reference.Current.Milestones.ToLookup(m => m.ItemCode);
        var redone = inBook.Where(code => !milestones[code].Select(m => m.Milestone).SequenceEqual(currentMilestones[code].Select(m => m.Milestone))).ToList();
        if (redone.Count > 0)
        {
            // One query for the program's milestones; EF fills each item's collection.
            await db.Milestones.Where(m => db.WorkItems.Any(i => i.Id == m.WorkItemId && i.ProgramId == context.Program.Id)).LoadAsync(ct);
        }
        foreach (var code in redone)
        {
            ItemRules.SyncMilestones(context.Items[code], [.. milestones[code].Select(m => m.Milestone)]);
        }

        var indicators = await db.Indicators.Include(i => i.Targets).Where(i => i.ProgramId == context.Program.Id).ToListAsync(ct);
        var currentIndicators = reference.Current.Indicators.ToDictionary(i => i.Input.Code, i => i.Input, StringComparer.Ordinal);
        foreach (var row in book.Indicators)
        {
            if (currentIndicators.TryGetValue(row.Input.Code, out var before) && !Differs(before, row.Input))
            {
                continue;
            }
            var indicator = indicators.SingleOrDefault(i => i.Code == row.Input.Code);
            if (indicator is null)
            {
                indicator = new Indicator { ProgramId = context.Program.Id, Code = row.Input.Code, Name = row.Input.Name };
                db.Indicators.Add(indicator);
            }
            IndicatorAdministration.Apply(context, indicator, row.Input);
        }

        var currentAssignments = reference.Current.Assignments.ToDictionary(a => a.ItemCode, a => a.Input, StringComparer.Ordinal);
        var reassigned = book.Assignments.Where(row => !currentAssignments.TryGetValue(row.ItemCode, out var before) || Differs(before, row.Input)).ToList();
        if (reassigned.Count > 0)
        {
            // One query for the program's assignments, not one per item.
            await db.Assignments.Where(a => a.WorkItem!.ProgramId == context.Program.Id).LoadAsync(ct);
        }
        foreach (var row in reassigned)
        {
            ItemRules.Assign(context, context.Items[row.ItemCode], row.Input);
        }
        await db.SaveChangesAsync(ct);
    }

    private static bool Differs<T>(T? before, T after) where T : class => before is null || !Equivalent(before, after);

    // Records compare their lists by reference; compare the parts that are lists by content.
    private static bool Equivalent<T>(T a, T b) => (a, b) switch
    {
        (AssignmentInput x, AssignmentInput y) => x.LeadUnitCode == y.LeadUnitCode && x.ResponsiblePerson == y.ResponsiblePerson
            && x.CoordinatingUnitCodes.Order(StringComparer.Ordinal).SequenceEqual(y.CoordinatingUnitCodes.Order(StringComparer.Ordinal)),
        (IndicatorInput x, IndicatorInput y) => x with { Targets = y.Targets } == y && Targets(x.Targets) == Targets(y.Targets),
        (ItemInput x, ItemInput y) => x with { ResponsiblePerson = null } == y with { ResponsiblePerson = null },
        _ => Equals(a, b),
    };

    private static string Targets(IReadOnlyDictionary<int, string?> targets) =>
        string.Join("|", targets.Where(t => !string.IsNullOrWhiteSpace(t.Value)).OrderBy(t => t.Key).Select(t => $"{t.Key}={IndicatorAdministration.FormatTarget(Target(t.Value!))}"));

    private static IndicatorTarget Target(string text)
    {
        var (number, words) = IndicatorAdministration.ReadTarget(text);
        return new IndicatorTarget { Target = number, TargetText = words };
    }

    private static void SetIfDifferent(string? current, string? wanted, Action<string> set)
    {
        if (!string.Equals(current, wanted, StringComparison.Ordinal))
        {
            set(wanted!);
        }
    }
}
