using System.Security.Cryptography;
using HauGiang.Tracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// "Kiểm tra bản in": whether the system issued a file, for anyone signed in (a reader of a printed report needs no
/// right to export one). It only reads what <see cref="ReviewExportService"/> recorded.
/// </summary>
public sealed class IssuedExportChecker(IDbContextFactory<TrackerDbContext> dbFactory)
{
    /// <summary>
    /// Whether the system issued a file, by the code printed on it (12 hex digits, dashes and spaces ignored) or a
    /// full SHA-256 (of the content or of the file). Null with a Vietnamese reason when the input is no code at all.
    /// </summary>
    public async Task<(VerificationResult? Result, string? Error)> VerifyCodeAsync(string? input, CancellationToken ct = default)
    {
        var hex = new string((input ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToLowerInvariant();
        if (hex.Length is not (12 or 64) || !hex.All(char.IsAsciiHexDigit))
        {
            return (null, "Nhập mã kiểm tra in ở chân trang (12 ký tự, dạng XXXX-XXXX-XXXX) hoặc mã băm SHA-256 đầy đủ (64 ký tự).");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = hex.ToUpperInvariant();
        var matches = hex.Length == 12
            ? db.IssuedExports.Where(e => e.Code == code)
            : db.IssuedExports.Where(e => e.ContentHash == hex || e.FileHash == hex);
        return (new VerificationResult(await matches.AsNoTracking().OrderBy(e => e.IssuedAt).Select(ReviewExportService.AsView).ToListAsync(ct), false), null);
    }

    /// <summary>Whether the system issued exactly this file: its SHA-256 against every file issued. One changed byte and it is not.</summary>
    public async Task<VerificationResult> VerifyFileAsync(Stream file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new VerificationResult(await db.IssuedExports.AsNoTracking().Where(e => e.FileHash == hash).OrderBy(e => e.IssuedAt).Select(ReviewExportService.AsView).ToListAsync(ct), true);
    }
}
