using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Status;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Items;

/// <summary>One spell of a unit on an item; <paramref name="SuccessorToday"/> names who holds the unit's work now when the unit has ended.</summary>
public sealed record AssignmentHistoryRow(string UnitName, int UnitId, AssignmentRole Role, DateOnly StartsOn, DateOnly? EndsOn, string? Note, string? SuccessorToday = null);

public sealed record DeadlineHistoryRow(int Sequence, Deadline Deadline, DateOnly EffectiveOn, string? BasisNumber, DateOnly? BasisDate, string? BasisNote, DateTime RecordedAt, string? RecordedBy);

public sealed record MilestoneRow(int Ordinal, string Title, DateOnly? DueDate, DateOnly? CompletedOn, string? Note);

public sealed record ChangeRow(DateTime At, string UserName, string Action, string? EntityType, string? Before, string? After, string? Reason);

public sealed record AmendmentNote(string DecisionNumber, DateOnly DecisionDate, AmendmentChangeKind Kind, string Description, string? Before, string? After);

public sealed record DocumentFacts(DocumentType Type, string? IssuingAuthority, DocumentStage Stage, string? NumberSymbol, DateOnly? IssuedOn, string? Abstract, string? Signer,
    DateTime? ConfirmedAt, string? ConfirmedBy, long? FileId, string? FileName, IssuanceVerdict? Verdict);

/// <summary>Where an item comes from: its origin, the note citing it, and for an amendment's item the decision that added it.</summary>
public sealed record ItemSource(ItemOrigin Origin, string? Note, string? AmendmentNumber = null, DateOnly? AmendmentDate = null);

/// <summary>Everything about one task or document, for its page.</summary>
public sealed record ItemDetail(
    int Id, uint Version, string Code, string Title, string? Description, WorkItemKind Kind, ItemState State, bool IsSample,
    string? Breakthrough, string? Group, string? ParentCode, IReadOnlyList<(int Id, string Code, string Title)> Children,
    ItemRow Row, string? ResponsiblePerson, IReadOnlyList<AssignmentHistoryRow> Assignments, IReadOnlyList<DeadlineHistoryRow> Deadlines,
    IReadOnlyList<MilestoneRow> Milestones, IReadOnlyList<ReportView> Reports, IReadOnlyList<ExplanationView> Explanations,
    IReadOnlyList<AmendmentNote> Amendments, IReadOnlyList<ChangeRow> Changes, DocumentFacts? Document, ItemSource Source)
{
    public int? LeadUnitId => Assignments.FirstOrDefault(a => a.Role == AssignmentRole.Lead && a.EndsOn is null)?.UnitId;

    public IReadOnlySet<int> CoordinatingUnitIds => Assignments.Where(a => a.Role == AssignmentRole.Coordinating && a.EndsOn is null).Select(a => a.UnitId).ToHashSet();

    /// <summary>The units answering for the item now, as the permission rules see them.</summary>
    public UnitScope Scope => new(LeadUnitId, CoordinatingUnitIds);
}

public sealed class ItemDetailService(IDbContextFactory<TrackerDbContext> dbFactory, ExplanationService explanations, TimeProvider clock)
{
    public const int ChangeHistoryLimit = 200;

    /// <summary>One report with its review events, and its evidence where the viewer may read it, as the office opens it from its queue.</summary>
    public async Task<ReportView?> ReportAsync(Actor? viewer, int reportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await ReportQueries.LoadAsync(db, db.Reports.Where(r => r.Id == reportId), ct)).Select(r => EvidenceAccess.ForViewer(viewer, r)).SingleOrDefault();
    }

    /// <summary>The item for its page, as the viewer may see it: evidence of another unit's unsubmitted report is not listed.</summary>
    public async Task<ItemDetail?> GetAsync(Actor? viewer, int itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.WorkItems.AsNoTracking()
            .Include(i => i.Breakthrough).Include(i => i.Group).Include(i => i.Parent).Include(i => i.Milestones)
            .Include(i => i.Assignments).ThenInclude(a => a.OrgUnit).Include(i => i.DeadlineRevisions)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return null;
        }
        var today = VietnamClock.Today(clock);
        var row = (await ItemStatusQuery.ForItemAsync(db, item.ProgramId, itemId, today, ct))!;
        var successions = await db.UnitSuccessions.AsNoTracking()
            .Select(s => new Succession(s.PredecessorId, s.SuccessorId, s.EffectiveOn, s.Successor!.Name)).ToListAsync(ct);
        var children = await db.WorkItems.AsNoTracking().Where(i => i.ParentId == itemId).OrderBy(i => i.Ordinal)
            .Select(i => new ValueTuple<int, string, string>(i.Id, i.Code, i.Title)).ToListAsync(ct);
        var reports = (await ReportQueries.LoadAsync(db, db.Reports.Where(r => r.WorkItemId == itemId), ct)).ConvertAll(r => EvidenceAccess.ForViewer(viewer, r));
        var amendments = await db.Set<AmendmentChange>().AsNoTracking().Where(c => c.WorkItemId == itemId).OrderBy(c => c.Amendment!.DecisionDate)
            .Select(c => new AmendmentNote(c.Amendment!.DecisionNumber, c.Amendment.DecisionDate, c.Kind, c.Description, c.Before, c.After)).ToListAsync(ct);
        // What people changed; period snapshots are the system freezing a period, shown with the period instead.
        var changes = await db.AuditEntries.AsNoTracking().Where(e => e.ItemId == itemId && e.Category == AuditCategory.Data && e.EntityType != nameof(PeriodSnapshot))
            .OrderByDescending(e => e.Id).Take(ChangeHistoryLimit)
            .Select(e => new ChangeRow(e.At, e.UserName, e.Action, e.EntityType, e.Before, e.After, e.Reason)).ToListAsync(ct);
        DocumentFacts? document = null;
        if (item is RequiredDocument d)
        {
            document = new DocumentFacts(d.DocumentType, d.IssuingAuthority, d.Stage, d.NumberSymbol, d.IssuedOn, d.Abstract, d.Signer, d.IssuanceConfirmedAt,
                d.IssuanceConfirmedBy, d.IssuedFileId, d.IssuedFileName, d.IssuedOn is { } issued ? DocumentService.Verdict(d, issued) : null);
        }
        var addedBy = item.AddedByAmendmentId is { } amendmentId
            ? await db.Amendments.AsNoTracking().Where(a => a.Id == amendmentId).Select(a => new { a.DecisionNumber, a.DecisionDate }).SingleAsync(ct)
            : null;
        var source = new ItemSource(item.Origin, item.SourceNote, addedBy?.DecisionNumber, addedBy?.DecisionDate);
        return new ItemDetail(item.Id, item.Version, item.Code, item.Title, item.Description, item.Kind, item.State, item.IsSample,
            item.Breakthrough?.Title, item.Group is { } g ? $"{g.Heading}: {g.Title}" : null, item.Parent?.Code, children, row, item.ResponsiblePerson,
            [.. item.Assignments.OrderBy(a => a.Role).ThenBy(a => a.StartsOn).Select(a => new AssignmentHistoryRow(a.OrgUnit!.Name, a.OrgUnitId, a.Role, a.StartsOn, a.EndsOn, a.Note, SuccessorToday(a.OrgUnit, today, successions)))],
            [.. item.DeadlineRevisions.OrderBy(r => r.Sequence).Select(r => new DeadlineHistoryRow(r.Sequence, r.Deadline, r.EffectiveOn, r.BasisNumber, r.BasisDate, r.BasisNote, r.RecordedAt, r.RecordedBy))],
            [.. item.Milestones.OrderBy(m => m.Ordinal).Select(m => new MilestoneRow(m.Ordinal, m.Title, m.DueDate, m.CompletedOn, m.Note))],
            reports, await explanations.ForItemAsync(itemId, ct), amendments, changes, document, source);
    }

    private sealed record Succession(int PredecessorId, int SuccessorId, DateOnly EffectiveOn, string SuccessorName);

    // An ended unit's work went to its successor, and maybe on to that one's successor (19/02/2025, then 01/07/2025).
    private static string? SuccessorToday(OrgUnit unit, DateOnly today, List<Succession> successions)
    {
        if (unit.ValidTo is not { } end || end >= today)
        {
            return null;
        }
        var (id, name, seen) = (unit.Id, (string?)null, new HashSet<int> { unit.Id });
        while (successions.Where(s => s.PredecessorId == id).MaxBy(s => s.EffectiveOn) is { } next && seen.Add(next.SuccessorId))
        {
            (id, name) = (next.SuccessorId, next.SuccessorName);
        }
        return name;
    }
}
