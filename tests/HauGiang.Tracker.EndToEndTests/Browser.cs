using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

/// <summary>One Debian Chromium for the test run, driven by Playwright; no browser download.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Actions, navigations and expectations wait this long: the suite shares two cores with the other
    // test projects, and a server round trip that takes 50 ms alone can take seconds then.
    private const float PatientMilliseconds = 30_000;

    /// <summary>A host name the browser resolves to 127.0.0.1: the app seen under a real name (HSTS skips "localhost" and IPs).</summary>
    public const string TestHost = "tracker.test";

    private IPlaywright? _playwright;

    // What each open context's pages wrote to the console as errors, and which of those its test expects.
    private static readonly ConcurrentDictionary<IBrowserContext, ConsoleLog> Consoles = new();

    private sealed class ConsoleLog
    {
        public List<string> Errors { get; } = [];

        public List<Regex> Expected { get; } = [];

        public IReadOnlyList<string> Unexpected()
        {
            lock (Errors)
            {
                return [.. Errors.Where(e => !Expected.Any(x => x.IsMatch(e)))];
            }
        }
    }

    public IBrowser Instance { get; private set; } = null!;

    /// <summary>Where the traces and screenshots of failed tests are kept (./scripts/test.sh names it).</summary>
    public static string? ArtifactsDirectory => Environment.GetEnvironmentVariable("TRACKER_TEST_ARTIFACTS");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./scripts/test.sh installs it (apt-get install -y chromium).");
        }
        // The apps under test run in this process. On two cores the thread pool starts with two threads and
        // adds one about every half second while a PDF is drawn or a workbook written on the others: a
        // circuit's events then wait for seconds. A floor of threads keeps them answering.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
        Assertions.SetDefaultExpectTimeout(PatientMilliseconds);
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--host-resolver-rules=MAP {TestHost} 127.0.0.1",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (its own cookies) in Vietnamese, opened on the app. Unless <paramref name="trace"/> is
    /// false it records a Playwright trace that <see cref="CloseAsync"/> keeps when the test failed.
    /// </summary>
    public async Task<IPage> OpenAsync(Uri root, bool acceptSelfSignedCertificate = false, bool trace = true)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            IgnoreHTTPSErrors = acceptSelfSignedCertificate,
            BaseURL = root.ToString(),
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        var console = new ConsoleLog();
        Consoles[context] = console;
        context.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (console.Errors)
                {
                    console.Errors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        context.SetDefaultTimeout(PatientMilliseconds);
        context.SetDefaultNavigationTimeout(PatientMilliseconds);
        if (trace && ArtifactsDirectory is not null)
        {
            // DOM snapshots at each action, but no screencast (a frame stream per context, on the two cores the apps
            // under test share): the failure's own screenshot is taken in CloseAsync.
            await context.Tracing.StartAsync(new TracingStartOptions { Screenshots = false, Snapshots = true });
        }
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Errors the page's context wrote to the console so far that the test did not expect: every journey ends with
    /// none (<see cref="CloseAsync"/> fails the test otherwise).
    /// </summary>
    public static IReadOnlyList<string> ConsoleErrors(IPage page) => Consoles.TryGetValue(page.Context, out var log) ? log.Unexpected() : [];

    /// <summary>A console error the journey provokes on purpose (a refused download's 404, a cut connection).</summary>
    public static void ExpectConsoleError(IPage page, Regex pattern)
    {
        if (Consoles.TryGetValue(page.Context, out var log))
        {
            lock (log.Errors)
            {
                log.Expected.Add(pattern);
            }
        }
    }

    /// <summary>
    /// Closes a context from <see cref="OpenAsync"/>. When the running test failed, its trace (open it with
    /// <c>playwright show-trace</c>) and a screenshot of each open page are kept under <see cref="ArtifactsDirectory"/>;
    /// when it passed but its pages wrote unexpected errors to the console, it fails here with them.
    /// </summary>
    public static async Task CloseAsync(IBrowserContext context)
    {
        Consoles.TryRemove(context, out var console);
        var unexpected = console?.Unexpected() ?? [];
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed || unexpected.Count > 0;
        if (ArtifactsDirectory is { } directory)
        {
            var name = failed ? ArtifactName() : null;
            if (name is not null)
            {
                Directory.CreateDirectory(directory);
                var n = 0;
                foreach (var page in context.Pages.Where(p => !p.IsClosed))
                {
                    await TryAsync(() => page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{name}-{++n}.png"), FullPage = true }));
                }
            }
            await TryAsync(() => context.Tracing.StopAsync(name is null ? new() : new() { Path = Path.Combine(directory, $"{name}.trace.zip") }));
        }
        await context.DisposeAsync();
        if (unexpected.Count > 0)
        {
            throw new InvalidOperationException("The browser console showed errors: " + string.Join(" | ", unexpected));
        }
    }

    private static string ArtifactName()
    {
        var test = TestContext.Current.Test?.TestDisplayName ?? "test";
        var last = test[(test.LastIndexOf('.') + 1)..];
        var safe = new string([.. last.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_')]);
        return $"{safe[..Math.Min(safe.Length, 100)]}-{DateTime.UtcNow:HHmmssfff}";
    }

    // A failed test's page may already be gone (a crashed context): keeping evidence must not hide the failure.
    private static async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (PlaywrightException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
