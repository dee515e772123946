using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.ReviewReports;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>
/// Files of review reports the page has written and recorded, waiting for their one person to download them. A
/// file is kept on disk (never in the circuit's memory) under an unguessable token for <see cref="Lifetime"/>,
/// then deleted; only the user who made it can fetch it.
/// </summary>
public sealed class ReviewExportFiles : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    /// <summary>Files written at once for the whole site: a large export takes a core for a second or two.</summary>
    public const int ConcurrentExports = 2;

    private readonly ConcurrentDictionary<string, Entry> _files = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly string _directory;

    private readonly ReviewExportService _exports;

    public ReviewExportFiles(ReviewExportService exports, TimeProvider clock)
    {
        _exports = exports;
        _clock = clock;
        _directory = Path.Combine(Path.GetTempPath(), "haugiang-tracker-exports", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    /// <summary>Where the files wait for their download: tests look there for what a failed export left behind.</summary>
    internal string Folder => _directory;

    private sealed record Entry(string UserId, string Path, string FileName, string ContentType, DateTimeOffset Expires);

    // Taken while a file is written, so a burst of large exports queues instead of starving the circuits.
    private SemaphoreSlim Gate { get; } = new(ConcurrentExports);

    /// <summary>
    /// Writes and records the report off the caller's thread (a circuit stays responsive and its cancel button works),
    /// a few at a time for the whole site, into a file of this store; returns the issuance and its download address,
    /// or the Vietnamese reason nothing was issued. A refused, failed or cancelled export leaves no file behind.
    /// </summary>
    public async Task<(IssuedExportView? Issued, string? Url, string? Error)> ExportAsync(Actor actor, ReviewReportRequest request, ReportFormat format,
        IProgress<ExportProgress>? progress, CancellationToken ct)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N"));
        try
        {
            var (issued, error) = await Task.Run(async () =>
            {
                await Gate.WaitAsync(ct);
                try
                {
                    await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
                    return await _exports.ExportAsync(actor, request, format, file, progress, ct);
                }
                finally
                {
                    Gate.Release();
                }
            }, ct);
            if (issued is null)
            {
                Discard(path);
                return (null, null, error);
            }
            return (issued, ReviewExportEndpoints.DownloadPrefix + Add(actor.UserId, path, issued.FileName, issued.ContentType), null);
        }
        catch
        {
            Discard(path);
            throw;
        }
    }

    private string Add(string userId, string path, string fileName, string contentType)
    {
        Sweep();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _files[token] = new Entry(userId, path, fileName, contentType, _clock.GetUtcNow() + Lifetime);
        return token;
    }

    // A file that will not be handed over (a refused, cancelled or failed export).
    private static void Discard(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Swept with the directory at shutdown.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    internal IResult Download(string token, ClaimsPrincipal user)
    {
        Sweep();
        // Someone else's token answers as an unknown one.
        if (!_files.TryGetValue(token, out var entry) || entry.Expires < _clock.GetUtcNow() || entry.UserId != user.FindFirstValue(ClaimTypes.NameIdentifier)
            || !File.Exists(entry.Path))
        {
            return Results.NotFound();
        }
        return Results.File(new FileStream(entry.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous),
            entry.ContentType, entry.FileName);
    }

    private void Sweep()
    {
        var now = _clock.GetUtcNow();
        foreach (var (token, entry) in _files)
        {
            if (entry.Expires < now && _files.TryRemove(token, out _))
            {
                Discard(entry.Path);
            }
        }
    }

    public void Dispose()
    {
        Gate.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temporary-file cleaning.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}

/// <summary>The download address of an issued review report: its maker's, for <see cref="ReviewExportFiles.Lifetime"/>.</summary>
internal static class ReviewExportEndpoints
{
    public const string DownloadPrefix = "/bao-cao-kiem-diem/tai-ve/";

    public static IEndpointRouteBuilder MapReviewExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DownloadPrefix + "{token}", (string token, HttpContext context, ReviewExportFiles files) => files.Download(token, context.User))
            .RequireAuthorization();
        return endpoints;
    }
}
