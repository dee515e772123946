using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Workbook;

/// <summary>Reads the program's structure from the database into rows, the shape the workbook uses.</summary>
internal static class SnapshotBuilder
{
    public static async Task<StructureSnapshot> BuildAsync(TrackerDbContext db, ActionProgram program, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        var unitCode = units.ToDictionary(u => u.Id, u => u.Code);
        var breakthroughs = await db.Breakthroughs.AsNoTracking().Where(b => b.ProgramId == program.Id).OrderBy(b => b.Ordinal).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.ProgramId == program.Id).OrderBy(g => g.Ordinal).ToListAsync(ct);
        var items = await db.WorkItems.AsNoTracking().Where(i => i.ProgramId == program.Id).OrderBy(i => i.Ordinal).ThenBy(i => i.Id).ToListAsync(ct);
        var itemCode = items.ToDictionary(i => i.Id, i => i.Code);
        var breakthroughOrdinal = breakthroughs.ToDictionary(b => b.Id, b => b.Ordinal);
        var groupOrdinal = groups.ToDictionary(g => g.Id, g => g.Ordinal);
        var milestones = await db.Milestones.AsNoTracking().Where(m => itemCode.Keys.Contains(m.WorkItemId)).OrderBy(m => m.WorkItemId).ThenBy(m => m.Ordinal).ToListAsync(ct);
        var assignments = await db.Assignments.AsNoTracking().Where(a => a.EndsOn == null && itemCode.Keys.Contains(a.WorkItemId)).OrderBy(a => a.Id).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets).Where(i => i.ProgramId == program.Id).OrderBy(i => i.Id).ToListAsync(ct);

        ItemSheetRow Item(WorkItem i)
        {
            var document = i as RequiredDocument;
            var input = new ItemInput(i.Kind, i.Code, i.Title, i.Description,
                i.ParentId is { } p ? itemCode[p] : null,
                i.BreakthroughId is { } b ? breakthroughOrdinal[b] : null,
                i.GroupId is { } g ? groupOrdinal[g] : null,
                NullIfEmpty(DeadlineParser.Format(i.OriginalDeadline)), i.StartsOn, i.Weight, null,
                document?.DocumentType ?? DocumentType.Other, document?.IssuingAuthority);
            return new ItemSheetRow(0, input, i.State, NullIfEmpty(DeadlineParser.Format(i.Deadline)));
        }

        return new StructureSnapshot(
            [.. units.Select(u => new UnitRow(0, new UnitInput(u.Code, u.Name, u.ShortName, u.Kind, u.ParentId is { } p ? unitCode[p] : null, u.ValidTo)))],
            [.. breakthroughs.Select(b => new BreakthroughRow(0, b.Ordinal, b.Title, b.Description))],
            [.. groups.Select(g => new GroupRow(0, g.Ordinal, g.Heading, g.Title, g.Text))],
            [.. items.Where(i => i is TaskItem).Select(Item)],
            [.. items.Where(i => i is RequiredDocument).Select(Item)],
            [.. milestones.Select(m => new MilestoneRow(0, itemCode[m.WorkItemId], new MilestoneInput(m.Ordinal, m.Title, m.DueDate, m.CompletedOn, m.Note)))],
            [.. indicators.Select(i => new IndicatorRow(0, new IndicatorInput(i.Code, i.Name, i.Measure, i.Direction,
                i.ResponsibleUnitId is { } u ? unitCode[u] : null,
                i.GroupId is { } g ? groupOrdinal[g] : null, i.BreakthroughId is { } b ? breakthroughOrdinal[b] : null, i.Description,
                i.Targets.ToDictionary(t => t.Year, t => IndicatorAdministration.FormatTarget(t)))))],
            [.. items.Select(i => new AssignmentRow(0, i.Code, new AssignmentInput(
                assignments.Where(a => a.WorkItemId == i.Id && a.Role == AssignmentRole.Lead).Select(a => unitCode[a.OrgUnitId]).FirstOrDefault(),
                [.. assignments.Where(a => a.WorkItemId == i.Id && a.Role == AssignmentRole.Coordinating).Select(a => unitCode[a.OrgUnitId])],
                i.ResponsiblePerson)))]);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
