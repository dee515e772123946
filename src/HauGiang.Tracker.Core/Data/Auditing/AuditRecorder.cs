using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HauGiang.Tracker.Core.Data.Auditing;

/// <summary>
/// Turns the change tracker's pending changes into audit rows: captured before the save (the values
/// before), completed after it (generated keys, the values after).
/// </summary>
internal sealed class AuditRecorder
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Sign-in bookkeeping and secrets are not tracked data: lockouts and password changes are
    // recorded as security events instead.
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(Entity.Version), nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.AccessFailedCount), nameof(AppUser.LockoutEnd), nameof(AppUser.NormalizedEmail), nameof(AppUser.NormalizedUserName),
        nameof(IdentityRole.NormalizedName),
    ];

    private readonly List<Pending> _pending = [];

    private sealed record Pending(EntityEntry Entry, EntityState State, string? Before, IReadOnlyList<string> Changed);

    public bool HasChanges => _pending.Count > 0;

    public static AuditRecorder Capture(ChangeTracker tracker)
    {
        var recorder = new AuditRecorder();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || !IsAudited(entry.Entity))
            {
                continue;
            }
            var changed = entry.State == EntityState.Modified
                ? Values(entry).Where(v => v.Modified).Select(v => v.Name).ToList()
                : [];
            if (entry.State == EntityState.Modified && changed.Count == 0)
            {
                continue;
            }
            var before = entry.State switch
            {
                EntityState.Modified => Serialize(Values(entry).Where(v => v.Modified).ToDictionary(v => v.Name, v => v.Original)),
                EntityState.Deleted => Serialize(Values(entry).ToDictionary(v => v.Name, v => v.Original)),
                _ => null,
            };
            recorder._pending.Add(new Pending(entry, entry.State, before, changed));
        }
        return recorder;
    }

    /// <summary>The rows to append, once the save has given every new row its key.</summary>
    public List<AuditEntry> Complete(Actor actor, DateTime at, string? reason, string? clientAddress) =>
        [.. _pending.Select(p =>
        {
            var values = Values(p.Entry);
            var after = p.State switch
            {
                EntityState.Added => Serialize(values.ToDictionary(v => v.Name, v => v.Current)),
                EntityState.Modified => Serialize(values.Where(v => p.Changed.Contains(v.Name)).ToDictionary(v => v.Name, v => v.Current)),
                _ => null,
            };
            var (itemId, unitId, periodId) = Context(p.Entry.Entity);
            return new AuditEntry
            {
                At = at,
                UserId = actor.UserId,
                UserName = actor.UserName,
                Category = AuditCategory.Data,
                Action = p.State switch { EntityState.Added => "insert", EntityState.Modified => "update", _ => "delete" },
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityKey = Key(p.Entry),
                ItemId = itemId,
                UnitId = unitId,
                PeriodId = periodId,
                Before = p.Before,
                After = after,
                Reason = reason,
                ClientAddress = clientAddress,
                PreviousHash = "",
                Hash = "",
            };
        })];

    // Sessions are sign-in bookkeeping: sign-in and sign-out are recorded as security events. An issued file is
    // recorded as its own export row, in the same transaction.
    // Notices and outgoing mail are derived from tracked data (and reading one is a person's own business);
    // a person's e-mail preferences are tracked.
    private static bool IsAudited(object entity) => entity is not (AuditEntry or IssuedExport or StoredFile or Notice or OutgoingMail or DataProtectionKey or UserSession
        or IdentityUserToken<string> or IdentityUserLogin<string> or IdentityUserClaim<string> or IdentityUserPasskey<string>);

    private sealed record Value(string Name, object? Original, object? Current, bool Modified);

    private static List<Value> Values(EntityEntry entry)
    {
        var values = entry.Properties
            .Where(p => !IgnoredProperties.Contains(p.Metadata.Name) && !p.Metadata.IsShadowProperty() || p.Metadata.Name == "kind")
            .Select(p => new Value(p.Metadata.Name, Plain(p.OriginalValue), Plain(p.CurrentValue), p.IsModified && !Same(p.OriginalValue, p.CurrentValue)))
            .ToList();
        foreach (var complex in entry.ComplexProperties)
        {
            values.AddRange(complex.Properties.Select(p => new Value(
                $"{complex.Metadata.Name}.{p.Metadata.Name}", Plain(p.OriginalValue), Plain(p.CurrentValue), p.IsModified && !Same(p.OriginalValue, p.CurrentValue))));
        }
        return values;
    }

    // Identity's store marks every column modified on each update: only a changed value is a change.
    private static bool Same(object? original, object? current) =>
        original is byte[] a && current is byte[] b ? a.AsSpan().SequenceEqual(b) : Equals(original, current);

    private static object? Plain(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        byte[] bytes => $"({bytes.Length} bytes)",
        _ => value,
    };

    private static string Serialize(Dictionary<string, object?> values) =>
        JsonSerializer.Serialize(new SortedDictionary<string, object?>(values, StringComparer.Ordinal), Json);

    private static string Key(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));

    /// <summary>The item, unit and period a change belongs to, so auditors can filter by them.</summary>
    private static (int? ItemId, int? UnitId, int? PeriodId) Context(object entity) => entity switch
    {
        WorkItem i => (i.Id, null, null),
        WorkItemAssignment a => (a.WorkItemId, a.OrgUnitId, null),
        DeadlineRevision r => (r.WorkItemId, null, null),
        Milestone m => (m.WorkItemId, null, null),
        AmendmentChange c => (c.WorkItemId, null, null),
        ProgressReport r => (r.WorkItemId, r.ReportingUnitId, r.PeriodId),
        OrgUnit u => (null, u.Id, null),
        UnitSuccession s => (null, s.PredecessorId, null),
        UserUnit u => (null, u.OrgUnitId, null),
        ReportingPeriod p => (null, null, p.Id),
        Indicator i => (null, i.ResponsibleUnitId, null),
        IndicatorValue v => (null, null, v.PeriodId),
        ExplanationRequest r => (r.WorkItemId, r.UnitId, null),
        PeriodSnapshot s => (s.WorkItemId, s.LeadUnitId, s.PeriodId),
        _ => (null, null, null),
    };
}
