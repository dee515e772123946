using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Opens --pages tabs of one page in Debian's Chromium, signed in, and keeps them open: the time each
/// takes to become interactive (the layout's data-interactive attribute, as the browser tests wait for
/// it), the server process's resident memory (VmRSS) before and after, and its managed heap after full
/// collections (the Development-only <c>/_dev/managed-heap</c>): what the circuits hold, without the garbage
/// and the memory the runtime keeps reserved that RSS counts.
/// </summary>
internal static class CircuitsCommand
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task<int> RunAsync(CommandLine args, CancellationToken ct)
    {
        var baseUrl = new Uri(args.Required("base-url"));
        var count = args.Number("pages", 5);
        var path = args.Optional("path") ?? "/";
        var pid = int.Parse(args.Required("server-pid"), CultureInfo.InvariantCulture);
        // Signing in over HTTP opens no circuit, so the memory measured is only the pages'.
        var (client, cookies) = await SignIn.ClientAsync(baseUrl, args.Required("user"), args.Required("password"), ct);
        using var _ = client;
        async Task<double> HeapMegabytes() => long.Parse(await client.GetStringAsync(new Uri(baseUrl, "_dev/managed-heap"), ct), CultureInfo.InvariantCulture) / 1024.0 / 1024.0;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        await context.AddCookiesAsync(cookies.GetAllCookies().Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure }));

        var heapBefore = await HeapMegabytes();
        var before = RssMegabytes(pid);
        Console.WriteLine($"Circuits: {count} tabs of `{path}` kept open in Chromium, signed in as {args.Required("user")}, {baseUrl}");
        Console.WriteLine();
        Console.WriteLine("| tab | interactive after (ms) | server RSS after (MB) |");
        Console.WriteLine("|---:|---:|---:|");
        var times = new List<double>();
        for (var tab = 1; tab <= count; tab++)
        {
            ct.ThrowIfCancellationRequested();
            var page = await context.NewPageAsync();
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(path, new PageGotoOptions { Timeout = 120_000 });
            await page.Locator("#app-root[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
            watch.Stop();
            if (page.Url.Contains(SignIn.Path, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The browser landed on the sign-in page: the session cookie was not accepted.");
            }
            times.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"| {tab} | {Summary.Number(watch.Elapsed.TotalMilliseconds)} | {Summary.Number(RssMegabytes(pid))} |");
        }
        await Task.Delay(TimeSpan.FromSeconds(5), ct); // let the server finish the circuits' first renders
        var after = RssMegabytes(pid);
        var heapAfter = await HeapMegabytes();
        var s = Summary.Of(times);
        Console.WriteLine();
        Console.WriteLine($"Time to interactive: median {Summary.Number(s.Median)} ms, max {Summary.Number(s.Max)} ms.");
        Console.WriteLine($"Server RSS (VmRSS of pid {pid}): {Summary.Number(before)} MB before, {Summary.Number(after)} MB with {count} circuits open 5 s after the last: " +
                          $"{Summary.Number((after - before) / count, "N1")} MB per circuit (RSS growth).");
        Console.WriteLine($"Managed heap after full collections: {Summary.Number(heapBefore, "N1")} MB before, {Summary.Number(heapAfter, "N1")} MB with {count} circuits open: " +
                          $"{Summary.Number((heapAfter - heapBefore) / count, "N2")} MB per circuit.");
        return 0;
    }

    private static double RssMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
