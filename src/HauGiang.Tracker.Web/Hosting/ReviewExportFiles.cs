using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;

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

    public ReviewExportFiles(TimeProvider clock)
    {
        _clock = clock;
        _directory = Path.Combine(Path.GetTempPath(), "haugiang-tracker-exports", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    private sealed record Entry(string UserId, string Path, string FileName, string ContentType, DateTimeOffset Expires);

    /// <summary>Taken while a file is written, so a burst of large exports queues instead of starving the circuits.</summary>
    public SemaphoreSlim Gate { get; } = new(ConcurrentExports);

    /// <summary>A new file to write, in this store's directory.</summary>
    public string NewPath() => Path.Combine(_directory, Guid.NewGuid().ToString("N"));

    /// <summary>Hands a written file over; returns the token of its download address.</summary>
    public string Add(string userId, string path, string fileName, string contentType)
    {
        Sweep();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _files[token] = new Entry(userId, path, fileName, contentType, _clock.GetUtcNow() + Lifetime);
        return token;
    }

    /// <summary>Deletes a file that will not be handed over (a cancelled or failed export).</summary>
    public static void Discard(string path)
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
