using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>A file the system issued, as "Kiểm tra bản in" shows it.</summary>
public sealed record IssuedExportView(long Id, string Format, string FileName, string Subject, string ScopeText, string PeriodText, bool Provisional,
    string Code, string ContentHash, string FileHash, long Size, DateTime IssuedAt, string IssuedBy, string ContentType);

/// <summary>What a check found: the issuances that match (none when the system did not issue it), and how it matched.</summary>
public sealed record VerificationResult(IReadOnlyList<IssuedExportView> Matches, bool ByFile);

/// <summary>
/// Issues review reports as files (<see cref="IssuedExportChecker"/> checks them later). Each file is written once, hashed, and recorded (an
/// <see cref="IssuedExport"/> row and an audit row of category Export in one transaction) before it is handed out;
/// every page carries the generation time and the short content code.
/// </summary>
public sealed class ReviewExportService(ReviewReportBuilder builder, IEnumerable<IReviewReportWriter> writers, IDbContextFactory<TrackerDbContext> dbFactory,
    AccessGuard guard, TimeProvider clock)
{
    public const string ExportedAction = "review-exported";

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private IReviewReportWriter Writer(ReportFormat format) => writers.First(w => w.Format == format);

    /// <summary>
    /// Writes the report in the format to <paramref name="output"/> (seekable: it is read back to hash it) and records
    /// the issuance. Returns the record, or a Vietnamese reason and nothing recorded.
    /// </summary>
    public async Task<(IssuedExportView? Issued, string? Error)> ExportAsync(Actor actor, ReviewReportRequest request, ReportFormat format, Stream output,
        IProgress<ExportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        await guard.DemandAsync(actor, Operation.ExportReview, null, "báo cáo kiểm điểm", ct);
        var (report, error) = await builder.BuildAsync(request, ct);
        if (report is null)
        {
            return (null, error);
        }
        var writer = Writer(format);
        var at = AuditHash.Truncate(clock.GetUtcNow().UtcDateTime);
        var total = Math.Max(1, report.Summary.Concat(report.Details).Sum(t => (long)t.RowCount));
        // Two passes over the rows: the content hash, then the file. Progress covers both.
        var hashing = progress is null ? null : new Progress<ExportProgress>(p => progress.Report(new(p.Done, 2 * total)));
        var contentHash = await ReviewContent.HashAsync(report, at, actor.UserName, format, hashing, ct);
        var stamp = new ExportStamp(at, actor.UserName, contentHash, Code(contentHash));
        var writing = progress is null ? null : new Progress<ExportProgress>(p => progress.Report(new(total + p.Done * total / Math.Max(1, p.Total), 2 * total)));
        var start = output.Position;
        await writer.WriteAsync(report, stamp, output, writing, ct);
        await output.FlushAsync(ct);
        var size = output.Position - start;
        output.Position = start;
        var fileHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(output, ct));
        output.Position = start;

        var issued = new IssuedExport
        {
            ProgramId = request.ProgramId,
            PeriodId = request.PeriodId,
            Format = writer.Extension.TrimStart('.'),
            FileName = report.FileStem + writer.Extension,
            Subject = report.Header.Subject,
            ScopeText = report.Header.ScopeLine,
            PeriodText = report.Header.PeriodLine,
            Provisional = report.Header.Provisional,
            ContentHash = contentHash,
            Code = stamp.Code.Replace("-", "", StringComparison.Ordinal),
            FileHash = fileHash,
            Size = size,
            IssuedAt = at,
            UserId = actor.UserId,
            IssuedBy = actor.UserName,
            ContentType = writer.ContentType,
        };
        // Not cancellable from here on: a file handed out is always on record.
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var record = new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Category = AuditCategory.Export,
            Action = ExportedAction,
            EntityType = nameof(IssuedExport),
            PeriodId = request.PeriodId,
            UnitId = request.Scope.UnitId,
            After = JsonSerializer.Serialize(new
            {
                format = issued.Format,
                file = issued.FileName,
                subject = issued.Subject,
                scope = issued.ScopeText,
                period = issued.PeriodText,
                provisional = issued.Provisional,
                contentHash,
                fileHash,
                size,
            }, Json),
            PreviousHash = "",
            Hash = "",
        };
        try
        {
            await RecordAsync(db, issued, record);
        }
        catch (InvalidOperationException ex) when (db.ConnectionBroke())
        {
            throw TrackerDbContext.ConnectionFailure(ex);
        }
        return (ToView(issued), null);
    }

    // The issuance and its audit row, together or not at all.
    private static async Task RecordAsync(TrackerDbContext db, IssuedExport issued, AuditEntry record)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        db.IssuedExports.Add(issued);
        await db.SaveChangesAsync(CancellationToken.None);
        record.EntityKey = issued.Id.ToString(CultureInfo.InvariantCulture);
        await AuditChain.AppendAsync(db, [record], CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>XXXX-XXXX-XXXX from the first 12 hex digits, uppercase.</summary>
    public static string Code(string contentHash)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        var c = contentHash[..12].ToUpperInvariant();
        return $"{c[..4]}-{c[4..8]}-{c[8..12]}";
    }


    internal static readonly System.Linq.Expressions.Expression<Func<IssuedExport, IssuedExportView>> AsView = e =>
        new IssuedExportView(e.Id, e.Format, e.FileName, e.Subject, e.ScopeText, e.PeriodText, e.Provisional, e.Code, e.ContentHash, e.FileHash, e.Size, e.IssuedAt, e.IssuedBy,
            e.ContentType);

    private static readonly Func<IssuedExport, IssuedExportView> ToView = AsView.Compile();
}

/// <summary>
/// The content hash of an issuance: SHA-256 over what the report says (head, sections, every table's every cell, in
/// order, in a fixed invariant text form) and the issuance itself (time, person, format), so each issued file has its
/// own code and two issuances never share one.
/// </summary>
public static class ReviewContent
{
    public static async Task<string> HashAsync(ReviewReport report, DateTime issuedAt, string issuedBy, ReportFormat format,
        IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? text)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text ?? "\u2400"));
            hash.AppendData("\u001f"u8);
        }
        Add(issuedAt.ToString("O", CultureInfo.InvariantCulture));
        Add(issuedBy);
        Add(format.ToString());
        var h = report.Header;
        foreach (var part in new[] { h.Form.ToString(), h.IssuerParent, h.Issuer, h.Number, h.Motto, h.MottoLine, h.PlaceAndDate, h.Title, h.Subject, h.ScopeLine, h.PeriodLine, h.BasisLine })
        {
            Add(part);
        }
        void AddSection(ReportSection s)
        {
            Add(s.Heading);
            foreach (var p in s.Paragraphs)
            {
                Add(p.Lead);
                Add(p.Text);
            }
            foreach (var sub in s.Subsections)
            {
                AddSection(sub);
            }
        }
        foreach (var s in report.Sections)
        {
            AddSection(s);
        }
        long done = 0;
        foreach (var table in report.Summary.Concat(report.Details))
        {
            Add(table.Name);
            foreach (var c in table.Columns)
            {
                Add(c.Header);
            }
            await foreach (var row in table.Rows(ct).WithCancellation(ct))
            {
                foreach (var value in row)
                {
                    Add(Invariant(value));
                }
                hash.AppendData("\u001e"u8);
                if (++done % 1000 == 0)
                {
                    progress?.Report(new(done, done));
                }
            }
        }
        progress?.Report(new(done, done));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string? Invariant(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
