using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain.Access;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Audit;

/// <summary>The outcome of walking the chain: intact, or the first row where it breaks and why.</summary>
public sealed record AuditVerification(long RowsChecked, long? BrokenAtId, string? Problem)
{
    public bool IsIntact => BrokenAtId is null;
}

/// <summary>Recomputes every row's hash in order; the first mismatch names the edited or removed row.</summary>
public sealed class AuditVerifier(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>Walks the whole chain; people need the auditor's role, the command-line check runs as a system actor.</summary>
    public async Task<AuditVerification> VerifyAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsSystem)
        {
            await guard.DemandAsync(actor, Operation.ReadAuditTrail, null, "xác minh nhật ký", ct);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var previous = AuditHash.Genesis;
        long count = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.PreviousHash != previous)
            {
                return new AuditVerification(count, entry.Id,
                    $"Dòng {entry.Id} không nối với dòng đứng trước: một dòng trước nó đã bị xóa hoặc sửa.");
            }
            if (AuditHash.Compute(entry) != entry.Hash)
            {
                return new AuditVerification(count, entry.Id,
                    $"Nội dung dòng {entry.Id} không khớp với mã băm đã ghi: dòng này đã bị sửa.");
            }
            previous = entry.Hash;
        }
        return new AuditVerification(count, null, null);
    }
}
