using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Reporting;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Items;

/// <summary>A stored file as the browser downloads it.</summary>
public sealed record StoredDownload(byte[] Content, string FileName, string ContentType);

/// <summary>
/// The files the item page links to, read for an actor by the same rules as the page: a refused read is
/// logged and throws, and the caller answers it exactly as it answers a file that does not exist.
/// </summary>
public sealed class ItemFiles(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>A file kept as evidence; null when there is none. Evidence of a report not yet submitted is for its unit and administrators.</summary>
    public async Task<StoredDownload?> EvidenceAsync(Actor actor, int evidenceId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from e in db.Evidence.AsNoTracking()
                           join r in db.Reports on e.ReportId equals r.Id
                           where e.Id == evidenceId && e.StoredFileId != null
                           select new { e.StoredFileId, e.FileName, e.ContentType, r.State, r.ReportingUnitId }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        if (EvidenceAccess.IsUnitOnly(found.State))
        {
            // The bytes are loaded only after the check, so a refused read never holds them.
            await guard.DemandAsync(actor, Operation.ReadDraftEvidence, EvidenceAccess.Scope(found.ReportingUnitId), $"minh chứng {evidenceId}", ct);
        }
        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Id == found.StoredFileId).Select(f => f.Content).SingleAsync(ct);
        return new StoredDownload(content, found.FileName ?? "minh-chung", found.ContentType ?? "application/octet-stream");
    }

    /// <summary>The issued text of a required document, public like the document itself; null when none was uploaded.</summary>
    public async Task<StoredDownload?> IssuedTextAsync(Actor actor, int documentId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var file = await db.Documents.AsNoTracking().Where(d => d.Id == documentId && d.IssuedFileId != null)
            .Select(d => new { d.IssuedFile!.Content, d.IssuedFileName }).SingleOrDefaultAsync(ct);
        return file is null ? null : new StoredDownload(file.Content, file.IssuedFileName ?? "van-ban", EvidenceRules.ContentTypeOf(file.IssuedFileName ?? ""));
    }
}
