using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HauGiang.Tracker.Web.Components.Shared;
using Microsoft.Playwright;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Opens --pages tabs of one page in Debian's Chromium, signed in, and keeps them open: the time each
/// takes to become interactive (the layout's data-interactive attribute, as the browser tests wait for
/// it), the server process's resident memory (VmRSS) before and after, and its managed heap after full
/// collections (the Development-only <c>/_dev/managed-heap</c>): what the circuits hold, without the garbage
/// and the memory the runtime keeps reserved that RSS counts. Then, on the overview, the UI round trip with every
/// tab still open: a click on the samples switch, through the circuit to the server and back as the DOM patched
/// (<see cref="RoundTripsAsync"/>), one tab after another and then all at once; and how the cores were shared
/// between the server, Chromium and PostgreSQL while the tabs opened and while the round trips ran.
/// </summary>
internal static class CircuitsCommand
{
    private const string Chromium = "/usr/bin/chromium";

    // A round trip that has not come back in this time is a failure, not a slow sample.
    private const int RoundTripTimeoutMs = 30_000;

    // Runs in the tab: clicks the overview's samples switch and resolves when the server's render has patched the DOM.
    // The switch (OverviewControls.razor, rendered on `/` whenever the program has labelled samples, as the generated
    // data set's seeded program has) is a MudSwitch whose change navigates to the same page with ?mau=1 or without it:
    // the click goes to the server over the circuit, the server navigates the tab (history.pushState, no page load),
    // re-renders the overview for the other figures and sends the render batch back. A MutationObserver on the app's
    // root (every kind of change, the whole subtree) started just before the click sees every DOM patch; clicking a
    // native checkbox changes its checked property, not an attribute, so it fires none itself (the first change seen is
    // returned as evidence and printed). Two times come back, from the click:
    //  - first: the first DOM change, i.e. the server's first render batch after the click (the switch's own re-render);
    //  - switched: the change after which the overview shows the figures asked for, the status cards' data-figures
    //    ("sample" or "real"), with the URL's samples key and the checkbox matching: the whole user-visible round trip.
    // It throws from C# (not here) on a missing switch, a tab already in the state asked for, or the timeout.
    private const string RoundTripScript = """
        async ({ on, key, timeout }) => {
            const root = document.getElementById('app-root');
            const checkbox = () => {
                const host = document.querySelector("[data-control='samples']");
                return host === null ? null : host.matches('input') ? host : host.querySelector("input[type='checkbox']");
            };
            const shows = () => {
                const cards = document.querySelector('[data-figures]');
                return cards !== null && cards.getAttribute('data-figures') === (on ? 'sample' : 'real')
                    && new URLSearchParams(location.search).has(key) === on && checkbox()?.checked === on;
            };
            const input = checkbox();
            if (root === null || input === null) {
                return { error: `no samples switch ([data-control='samples'] input) on ${location.href}` };
            }
            if (shows()) {
                return { error: `the overview already shows the ${on ? 'samples' : 'real items'} before the click (${location.href})` };
            }
            const describe = r => `${r.type} on ${r.target.nodeName.toLowerCase()}${r.target.classList?.length ? '.' + r.target.classList[0] : ''}${r.attributeName ? ' @' + r.attributeName : ''}`;
            return await new Promise(resolve => {
                let start = 0, first = null, firstChange = '';
                const observer = new MutationObserver(records => {
                    const now = performance.now();
                    if (first === null) {
                        first = now - start;
                        firstChange = describe(records[0]);
                    }
                    if (shows()) {
                        finish({ first, switched: now - start, firstChange });
                    }
                });
                const timer = setTimeout(() => finish({
                    error: `the overview did not switch to the ${on ? 'samples' : 'real items'} within ${timeout} ms of the click ` +
                           `(first DOM change: ${first === null ? 'none' : Math.round(first) + ' ms, ' + firstChange}; URL ${location.href})`,
                }), timeout);
                const finish = result => {
                    observer.disconnect();
                    clearTimeout(timer);
                    resolve(result);
                };
                observer.observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
                start = performance.now();
                input.click();
            });
        }
        """;

    public static async Task<int> RunAsync(CommandLine args, CancellationToken ct)
    {
        var baseUrl = new Uri(args.Required("base-url"));
        var count = args.Number("pages", 5);
        var path = args.Optional("path") ?? "/";
        var pid = int.Parse(args.Required("server-pid"), CultureInfo.InvariantCulture);
        var postgresPid = args.Optional("postgres-pid") is { } pg ? int.Parse(pg, CultureInfo.InvariantCulture) : (int?)null;
        var rounds = args.Number("round-trips", 5);
        // Signing in over HTTP opens no circuit, so the memory measured is only the pages'.
        var (client, cookies) = await SignIn.ClientAsync(baseUrl, args.Required("user"), args.Required("password"), ct);
        using var _ = client;
        async Task<double> HeapMegabytes() => long.Parse(await client.GetStringAsync(new Uri(baseUrl, "_dev/managed-heap"), ct), CultureInfo.InvariantCulture) / 1024.0 / 1024.0;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // The last three: every tab but one is in the background, and Chromium would otherwise throttle its timers,
            // lower its renderer's priority and treat it as hidden; its circuit's traffic and DOM updates would then wait
            // on the browser, and the round trips would measure the throttling instead of the server.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        await context.AddCookiesAsync(cookies.GetAllCookies().Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure }));

        var (waited, quiet) = await CpuShare.WaitUntilQuietAsync(pid, TimeSpan.FromSeconds(90), TimeSpan.FromMinutes(4), ct);
        var heapBefore = await HeapMegabytes();
        var before = RssMegabytes(pid);
        // A first tab, kept open but not counted: it pays what the app computes once for every visitor (the program's
        // facts in the shared cache, compiled queries, the first render's code), so the growth after it is what each
        // further circuit holds. Both figures are printed.
        var warm = await context.NewPageAsync();
        await OpenAsync(warm, path);
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        var heapWarm = await HeapMegabytes();
        var rssWarm = RssMegabytes(pid);
        Console.WriteLine($"Circuits: {count} tabs of `{path}` kept open in Chromium, signed in as {args.Required("user")}, {baseUrl}");
        Console.WriteLine(quiet
            ? $"The server was past its first 90 s (the notifier's first pass) and quiet (under 5 % of a core for 5 s) after {Summary.Number(waited.TotalSeconds)} s of waiting; the memory before is measured then."
            : $"The server was still busy after {Summary.Number(waited.TotalSeconds)} s: its own work may show in the memory per circuit below.");
        Console.WriteLine();
        // With many tabs, every 10th row (and the last) keeps the table readable; the summary covers them all.
        var everyRow = count <= 10;
        Console.WriteLine(everyRow ? "| tab | interactive after (ms) | server RSS after (MB) |" : "| tab (every 10th) | interactive after (ms) | server RSS after (MB) |");
        Console.WriteLine("|---:|---:|---:|");
        var times = new List<double>();
        var pages = new List<IPage>();
        await using var opening = CpuShare.Start(pid, postgresPid);
        for (var tab = 1; tab <= count; tab++)
        {
            ct.ThrowIfCancellationRequested();
            var page = await context.NewPageAsync();
            pages.Add(page);
            var watch = Stopwatch.StartNew();
            await OpenAsync(page, path);
            watch.Stop();
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (everyRow || tab % 10 == 0 || tab == count)
            {
                Console.WriteLine($"| {tab} | {Summary.Number(watch.Elapsed.TotalMilliseconds)} | {Summary.Number(RssMegabytes(pid))} |");
            }
            Progress.Say($"circuits: tab {tab}/{count} interactive");
        }
        var openingCpu = await opening.StopAsync($"the opening of the {count} tabs, one after another");
        await Task.Delay(TimeSpan.FromSeconds(5), ct); // let the server finish the circuits' first renders
        var after = RssMegabytes(pid);
        var heapAfter = await HeapMegabytes();
        var s = Summary.Of(times);
        Console.WriteLine();
        Console.WriteLine($"Time to interactive: median {Summary.Number(s.Median)} ms, p95 {Summary.Number(s.P95)} ms, max {Summary.Number(s.Max)} ms.");
        Console.WriteLine($"Server RSS (VmRSS of pid {pid}): {Summary.Number(before)} MB before, {Summary.Number(rssWarm)} MB with a first tab open, " +
                          $"{Summary.Number(after)} MB with the {count} circuits open too, 5 s after the last: {Summary.Number((after - rssWarm) / count, "N1")} MB per circuit after the first (RSS growth).");
        Console.WriteLine($"Managed heap after full collections: {Summary.Number(heapBefore, "N1")} MB before, {Summary.Number(heapWarm, "N1")} MB with a first tab open " +
                          $"(not among the tabs above), {Summary.Number(heapAfter, "N1")} MB with it and the {count} circuits open: " +
                          $"{Summary.Number((heapAfter - heapWarm) / count, "N2")} MB per circuit after the first " +
                          $"({Summary.Number((heapAfter - heapBefore) / (count + 1), "N2")} MB per circuit with the first's one-time costs shared among all {count + 1}).");
        Console.WriteLine(openingCpu);
        if (path == "/")
        {
            await RoundTripsAsync(pages, rounds, pid, postgresPid, ct);
        }
        else
        {
            Console.WriteLine($"No UI round trip on `{path}`: it is measured with the overview's samples switch, on `/` only.");
        }
        return 0;
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new PageGotoOptions { Timeout = 120_000 });
        await page.Locator("#app-root[data-interactive='true']").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        if (page.Url.Contains(SignIn.Path, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The browser landed on the sign-in page: the session cookie was not accepted.");
        }
    }

    private sealed record RoundTrip(double FirstMs, double SwitchedMs, string FirstChange);

    /// <summary>
    /// The UI round trip with every tab open: --round-trips rounds in which each tab in turn switches the samples on
    /// and back off (one user acting while the other circuits stay open; each pair leaves the tab as it was, so the
    /// rounds are alike), then a burst: every tab switches on at once, then every tab off at once.
    /// </summary>
    private static async Task RoundTripsAsync(IReadOnlyList<IPage> pages, int rounds, int pid, int? postgresPid, CancellationToken ct)
    {
        var sequential = new List<RoundTrip>();
        await using var sequentialShare = CpuShare.Start(pid, postgresPid);
        for (var round = 1; round <= rounds; round++)
        {
            for (var tab = 0; tab < pages.Count; tab++)
            {
                ct.ThrowIfCancellationRequested();
                sequential.Add(await ToggleAsync(pages[tab], on: true, $"round {round}, tab {tab + 1}"));
                sequential.Add(await ToggleAsync(pages[tab], on: false, $"round {round}, tab {tab + 1}"));
            }
            Progress.Say($"circuits: round trips, round {round}/{rounds} done");
        }
        var sequentialCpu = await sequentialShare.StopAsync($"the {rounds} sequential rounds");

        await using var burstShare = CpuShare.Start(pid, postgresPid);
        var burst = new List<RoundTrip>();
        burst.AddRange(await Task.WhenAll(pages.Select((page, tab) => ToggleAsync(page, on: true, $"burst, tab {tab + 1}"))));
        burst.AddRange(await Task.WhenAll(pages.Select((page, tab) => ToggleAsync(page, on: false, $"burst, tab {tab + 1}"))));
        var burstCpu = await burstShare.StopAsync($"the burst, {pages.Count} tabs at once on then off");

        Console.WriteLine();
        Console.WriteLine($"UI round trip with {pages.Count} circuits open: a click on the overview's samples switch until the server's render has patched the DOM " +
                          "(timed in the tab: performance.now() from the click to a MutationObserver callback on #app-root). " +
                          "'First patch' is the first DOM change after the click (the server's first render batch); " +
                          "'switched' is the change after which the overview shows the other figures (the status cards' data-figures, the URL and the switch agree).");
        Console.WriteLine();
        Console.WriteLine("| round trips | count | first patch median (ms) | first patch p95 (ms) | first patch max (ms) | switched median (ms) | switched p95 (ms) | switched max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        void Row(string name, List<RoundTrip> trips)
        {
            var first = Summary.Of(trips.Select(t => t.FirstMs).ToList());
            var switched = Summary.Of(trips.Select(t => t.SwitchedMs).ToList());
            Console.WriteLine($"| {name} | {trips.Count} | {Summary.Number(first.Median)} | {Summary.Number(first.P95)} | {Summary.Number(first.Max)} | " +
                              $"{Summary.Number(switched.Median)} | {Summary.Number(switched.P95)} | {Summary.Number(switched.Max)} |");
        }
        Row($"sequential: {rounds} rounds × {pages.Count} tabs × on and off, one tab at a time", sequential);
        Row($"burst: all {pages.Count} tabs at once, on then off", burst);
        Console.WriteLine();
        // Evidence that the observer saw the server's patches, not the click's own effect on the checkbox: a class of the
        // switch's elements is an attribute, which the click cannot change, computed by MudSwitch's render on the server.
        var changes = sequential.Concat(burst).GroupBy(t => t.FirstChange).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} ({g.Count()})");
        Console.WriteLine($"First DOM change seen after the click: {string.Join("; ", changes)}.");
        Console.WriteLine(sequentialCpu);
        Console.WriteLine(burstCpu);
    }

    private static async Task<RoundTrip> ToggleAsync(IPage page, bool on, string which)
    {
        var result = await page.EvaluateAsync<JsonElement>(RoundTripScript, new { on, key = OverviewQuery.SamplesKey, timeout = RoundTripTimeoutMs });
        if (result.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"Round trip ({which}, samples {(on ? "on" : "off")}) failed: {error.GetString()}");
        }
        return new RoundTrip(result.GetProperty("first").GetDouble(), result.GetProperty("switched").GetDouble(), result.GetProperty("firstChange").GetString() ?? "");
    }

    private static double RssMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
