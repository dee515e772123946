using System.Diagnostics;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Times the server render of every read-side page for a signed-in user: one GET per page to warm up,
/// then --runs rounds over all pages; the time is from sending the request to the last byte of the HTML
/// (on 127.0.0.1, so nearly all of it is the server's). Prints a Markdown table.
/// </summary>
internal static class PagesCommand
{
    public static readonly string[] ReadSide = ["/", "/dot-pha", "/nhom-nhiem-vu", "/nhiem-vu", "/van-ban", "/don-vi", "/chi-tieu", "/bao-cao", "/lo-trinh"];

    public static async Task<int> RunAsync(CommandLine args, CancellationToken ct)
    {
        var baseUrl = new Uri(args.Required("base-url"));
        var runs = args.Number("runs", 7);
        string[] paths = [.. ReadSide, .. args.All("path")];
        var (client, _) = await SignIn.ClientAsync(baseUrl, args.Required("user"), args.Required("password"), ct);
        using var owned = client;

        var times = paths.ToDictionary(p => p, _ => new List<double>());
        var bytes = new Dictionary<string, long>();
        for (var run = 0; run <= runs; run++)
        {
            foreach (var path in paths)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, ct);
                var body = await response.Content.ReadAsByteArrayAsync(ct);
                watch.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}");
                }
                if (run > 0)
                {
                    times[path].Add(watch.Elapsed.TotalMilliseconds);
                }
                bytes[path] = body.LongLength;
            }
            Progress.Say(run == 0 ? "pages: warm-up done" : $"pages: run {run}/{runs} done");
        }

        Console.WriteLine($"Server render of the read-side pages: {runs} runs after one warm-up, signed in as {args.Required("user")}, {baseUrl}");
        Console.WriteLine();
        Console.WriteLine("| page | HTML (KB) | median (ms) | p95 (ms) | max (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var path in paths)
        {
            var s = Summary.Of(times[path]);
            Console.WriteLine($"| `{path}` | {Summary.Number(bytes[path] / 1024.0)} | {Summary.Number(s.Median)} | {Summary.Number(s.P95)} | {Summary.Number(s.Max)} |");
        }
        return 0;
    }
}
