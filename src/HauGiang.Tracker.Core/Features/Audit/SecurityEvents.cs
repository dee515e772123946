using System.Text.Encodings.Web;
using System.Text.Json;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Audit;

/// <summary>Security events (sign-in, lockout, refused permission, role change …) in the same chained trail.</summary>
public sealed class SecurityEvents(IDbContextFactory<TrackerDbContext> dbFactory)
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

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Appends one security event in a transaction of its own, so it is kept even when the operation it concerns fails.</summary>
    public async Task RecordAsync(string action, string? userId, string userName, object? details = null, string? clientAddress = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await AuditChain.AppendAsync(db, [new AuditEntry
        {
            At = AuditHash.Truncate(db.Clock.GetUtcNow().UtcDateTime),
            UserId = userId,
            UserName = userName,
            Category = AuditCategory.Security,
            Action = action,
            After = details is null ? null : JsonSerializer.Serialize(details, Json),
            ClientAddress = clientAddress,
            PreviousHash = "",
            Hash = "",
        }], ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
