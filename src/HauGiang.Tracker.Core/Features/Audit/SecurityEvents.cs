using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Audit;

/// <summary>Security events (sign-in, lockout, refused permission, role change …) in the same chained trail.</summary>
public sealed class SecurityEvents(IDbContextFactory<TrackerDbContext> dbFactory, SecurityEventThrottle throttle, TimeProvider clock)
{
    public const string SignInSucceeded = "sign-in-succeeded";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignedOut = "signed-out";
    public const string PermissionDenied = "permission-denied";
    public const string RolesChanged = "roles-changed";
    public const string AccountCreated = "account-created";
    public const string AccountDisabled = "account-disabled";
    public const string AccountEnabled = "account-enabled";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string TwoFactorEnabled = "two-factor-enabled";
    public const string TwoFactorDisabled = "two-factor-disabled";
    public const string AntiforgeryRejected = "antiforgery-rejected";
    public const string RateLimited = "rate-limited";

    // Refusals anyone can provoke without an account, as often as they like. Everything else needs a
    // signed-in, accountable actor (or an existing account's own sign-in) and keeps one row per event.
    private static readonly HashSet<string> Throttled = [SignInFailed, LockedOut, AntiforgeryRejected, RateLimited];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Appends one security event in a transaction of its own, so it is kept even when the operation it
    /// concerns fails. A refusal beyond its source's per-minute allowance is only counted, and written
    /// with its count by <see cref="FlushAsync"/> once its minute closes.
    /// </summary>
    public async Task RecordAsync(string action, string? userId, string userName, object? details = null, string? clientAddress = null, CancellationToken ct = default)
    {
        var at = AuditHash.Truncate(clock.GetUtcNow().UtcDateTime);
        var after = details is null ? null : JsonSerializer.Serialize(details, Json);
        if (Throttled.Contains(action)
            && !throttle.Admit(at, clientAddress ?? (userId is null ? "(không rõ)" : $"user:{userId}"), action, userId, userName, after, clientAddress))
        {
            return;
        }
        await WriteAsync([Row(at, action, userId, userName, after, clientAddress, null)], ct);
    }

    /// <summary>Writes one row per counted bucket whose minute has closed (or every bucket, at shutdown), in one short transaction.</summary>
    public async Task<int> FlushAsync(bool all, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var buckets = throttle.TakeClosed(now, all);
        if (buckets.Count == 0)
        {
            return 0;
        }
        try
        {
            await WriteAsync([.. buckets.Select(b => Row(AuditHash.Truncate(b.LastAt), b.Action, b.UserId, b.UserName,
                JsonSerializer.Serialize(new { count = b.Count, from = Stamp(b.Minute), to = Stamp(b.Minute.AddMinutes(1)), first = Parse(b.FirstDetails) }, Json),
                b.ClientAddress, $"Gộp {b.Count} lần cùng loại từ một nguồn trong một phút"))], ct);
        }
        catch
        {
            throttle.Return(buckets);
            throw;
        }
        return buckets.Count;
    }

    private async Task WriteAsync(List<AuditEntry> rows, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AuditChain.AppendAsync(db, rows, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static AuditEntry Row(DateTime at, string action, string? userId, string userName, string? after, string? clientAddress, string? reason) => new()
    {
        At = at,
        UserId = userId,
        UserName = userName,
        Category = AuditCategory.Security,
        Action = action,
        After = after,
        Reason = reason,
        ClientAddress = clientAddress,
        PreviousHash = "",
        Hash = "",
    };

    private static string Stamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static JsonElement? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<JsonElement>(json);
}
