using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Reporting;

/// <summary>Reads reports with their evidence and review steps, in the shape the pages show.</summary>
internal static class ReportQueries
{
    public static async Task<List<ReportView>> LoadAsync(TrackerDbContext db, IQueryable<ProgressReport> reports, CancellationToken ct)
    {
        var rows = await reports.AsNoTracking()
            .Include(r => r.Evidence).Include(r => r.ReviewEvents).Include(r => r.Period).Include(r => r.ReportingUnit)
            .AsSplitQuery()
            .OrderByDescending(r => r.Period!.EndsOn).ThenByDescending(r => r.Id)
            .ToListAsync(ct);
        var documentIds = rows.SelectMany(r => r.Evidence).Where(e => e.DocumentId is not null).Select(e => e.DocumentId!.Value).Distinct().ToList();
        var documents = await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => $"{d.NumberSymbol ?? d.Code}{(d.IsSample ? " (mẫu)" : "")} – {d.Title}", ct);
        return [.. rows.Select(r => View(r, documents))];
    }

    public static ReportView View(ProgressReport r, IReadOnlyDictionary<int, string> documents) => new(
        r.Id, r.Version, r.WorkItemId, r.PeriodId, r.Period!.Label, r.Period.State, r.ReportingUnitId, r.ReportingUnit!.Name, r.IsContribution,
        new ReportInput(r.WorkItemId, r.PeriodId, r.Percent, r.Results, r.Obstacles, r.Proposals, r.NextSteps, r.AchievedOn),
        r.State, r.CreatedAt, r.SubmittedAt, r.SubmittedBy, r.ReviewedAt, r.ReviewedBy, r.ReviewNote, r.CorrectsReportId, r.SupersededById,
        [.. r.Evidence.OrderBy(e => e.Id).Select(e => new EvidenceView(e.Id, e.Kind, e.Description, e.FileName, e.SizeBytes, e.Sha256, e.DocumentId,
            e.DocumentId is { } d ? documents.GetValueOrDefault(d) : null, e.Url))],
        [.. r.ReviewEvents.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new ReviewEventView(e.FromState, e.ToState, e.At, e.By, e.Note))]);
}
