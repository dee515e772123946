using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Data.Auditing;

/// <summary>Appends rows to the chain inside the caller's transaction, one writer at a time.</summary>
internal static class AuditChain
{
    // Any constant: a transaction-scoped advisory lock serialises appenders, so two transactions
    // never link to the same previous row. Released at commit or rollback.
    private const long LockKey = 0x48475452_41434B; // "HGTRACK"

    public static async Task AppendAsync(TrackerDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit rows are written in the transaction of the change they record.");
        }
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", ct);
        var previous = await db.AuditEntries.OrderByDescending(e => e.Id).Select(e => e.Hash).FirstOrDefaultAsync(ct) ?? AuditHash.Genesis;
        foreach (var entry in entries)
        {
            entry.PreviousHash = previous;
            entry.Hash = AuditHash.Compute(entry);
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
        }
    }
}
