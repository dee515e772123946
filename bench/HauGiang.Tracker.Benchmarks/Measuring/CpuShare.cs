using System.Diagnostics;
using System.Globalization;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// How the machine's cores were shared during one phase of a measure: the CPU time (utime + stime of
/// /proc/PID/stat) of the app's server process, of the Chromium this benchmark launched (its descendants
/// whose name or command line says chromium: the browser, renderers, GPU and utility processes), of the
/// throwaway PostgreSQL (its postmaster and the postmaster's children), of this benchmark with Playwright's driver,
/// and of the whole machine (/proc/stat), what is left being other sessions',
/// each as a percentage of one core over the phase's wall time (so 200 % is both cores of a 2-core machine).
/// Only descendants and children are counted because the machine may be shared: another session's Chromium or
/// PostgreSQL must land in "other processes", not in ours.
/// </summary>
internal sealed class CpuShare : IAsyncDisposable
{
    // USER_HZ, the unit of /proc's CPU times: `getconf CLK_TCK` says 100, and the kernel ABI fixes it on x86-64 and arm64.
    private const double TicksPerSecond = 100;

    // Processes that end during the phase (a tab's renderer, a PostgreSQL backend) keep the CPU time last read,
    // so a short interval loses little of theirs; reading /proc twice a second costs the benchmark next to nothing.
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly int _serverPid;
    private readonly int? _postgresPid;
    private readonly int _self = Environment.ProcessId;
    // Keyed by pid and start time, so a reused pid is another process.
    private readonly Dictionary<(int Pid, long Start), Process> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _wall = new();
    private long _machineBusyFirst;
    private long _machineBusyLast;
    private Task _sampling = Task.CompletedTask;

    private enum Owner
    {
        Server,
        Chromium,
        PostgreSql,
        Benchmark,
    }

    private sealed class Process(Owner owner, long first)
    {
        public Owner Owner { get; } = owner;
        public long First { get; } = first;
        public long Last { get; set; } = first;
    }

    private CpuShare(int serverPid, int? postgresPid)
    {
        _serverPid = serverPid;
        _postgresPid = postgresPid;
    }

    /// <summary>Starts sampling: the processes alive now count from now, those started later from their start.</summary>
    public static CpuShare Start(int serverPid, int? postgresPid)
    {
        var share = new CpuShare(serverPid, postgresPid);
        share._machineBusyFirst = share._machineBusyLast = MachineBusyTicks();
        share.Sample(baseline: true);
        share._wall.Start();
        share._sampling = share.SampleUntilStoppedAsync();
        return share;
    }

    /// <summary>Stops sampling and says how the cores were shared, for the phase named.</summary>
    public async Task<string> StopAsync(string phase)
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample(baseline: false);
        _machineBusyLast = MachineBusyTicks();
        _wall.Stop();
        var seconds = _wall.Elapsed.TotalSeconds;
        double Percent(long ticks) => ticks / TicksPerSecond / seconds * 100;
        double Of(Owner owner) => Percent(_seen.Values.Where(p => p.Owner == owner).Sum(p => p.Last - p.First));
        var server = Of(Owner.Server);
        var chromium = Of(Owner.Chromium);
        var postgres = Of(Owner.PostgreSql);
        var benchmark = Of(Owner.Benchmark);
        var machine = Percent(_machineBusyLast - _machineBusyFirst);
        var cores = Environment.ProcessorCount;
        var postgresWhich = _postgresPid is null ? " (every postgres process on the machine: no --postgres-pid)" : "";
        return $"CPU over {phase} ({Summary.Number(seconds)} s wall, {cores} cores; % of one core, {cores * 100} % is every core busy): " +
               $"server {Summary.Number(server)} %, Chromium {Summary.Number(chromium)} %, PostgreSQL {Summary.Number(postgres)} %{postgresWhich}, " +
               $"this benchmark and Playwright's driver {Summary.Number(benchmark)} %, other processes (other sessions) {Summary.Number(Math.Max(0, machine - server - chromium - postgres - benchmark))} %; " +
               $"whole machine {Summary.Number(machine)} % busy, {Summary.Number(Math.Max(0, (cores * 100) - machine))} % idle.";
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _sampling;
        }
        finally
        {
            _stop.Dispose();
        }
    }

    private async Task SampleUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample(baseline: false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // StopAsync takes the last sample itself.
        }
    }

    private void Sample(bool baseline)
    {
        var stats = ReadAll();
        var parents = stats.ToDictionary(s => s.Pid, s => s.Parent);
        foreach (var s in stats)
        {
            if (Classify(s, parents) is not { } owner)
            {
                continue;
            }
            if (_seen.TryGetValue((s.Pid, s.Start), out var known))
            {
                known.Last = s.Ticks;
            }
            else
            {
                // Alive at the start: only what it spends from now on. Seen later: it started during the phase, so all of it.
                _seen[(s.Pid, s.Start)] = new Process(owner, baseline ? s.Ticks : 0) { Last = s.Ticks };
            }
        }
    }

    private Owner? Classify(Stat s, Dictionary<int, int> parents)
    {
        if (s.Pid == _serverPid)
        {
            return Owner.Server;
        }
        if (_postgresPid is { } postmaster ? s.Pid == postmaster || s.Parent == postmaster : s.Name == "postgres")
        {
            return Owner.PostgreSql;
        }
        if (s.Pid == _self)
        {
            return Owner.Benchmark;
        }
        // Ours only: a descendant of this benchmark (Chromium runs under Playwright's driver, a node process).
        for (var p = s.Parent; p > 1 && parents.TryGetValue(p, out var next); p = next)
        {
            if (p == _self)
            {
                return s.Name.Contains("chrom", StringComparison.OrdinalIgnoreCase) || CommandLine(s.Pid).Contains("chromium", StringComparison.Ordinal)
                    ? Owner.Chromium
                    : Owner.Benchmark;
            }
        }
        return null;
    }

    /// <summary>
    /// Waits until the process is at least <paramref name="minimumAge"/> old and has then used under 5 % of one core for
    /// 5 s in a row, at most <paramref name="limit"/>; says how long it waited and whether it found the process quiet.
    /// Memory measured while a server still warms up charges its warm-up to what follows: the app's notifier makes its
    /// first pass on the first full minute, reading every program's facts into the cache all pages share.
    /// </summary>
    public static async Task<(TimeSpan Waited, bool Quiet)> WaitUntilQuietAsync(int pid, TimeSpan minimumAge, TimeSpan limit, CancellationToken ct)
    {
        const double MaxShare = 0.05;
        var quietFor = TimeSpan.FromSeconds(5);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var calm = TimeSpan.Zero;
        var (last, _) = Times(pid);
        while (watch.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var (now, age) = Times(pid);
            calm = (now - last) / TicksPerSecond < MaxShare ? calm + TimeSpan.FromSeconds(1) : TimeSpan.Zero;
            last = now;
            if (calm >= quietFor && age >= minimumAge)
            {
                return (watch.Elapsed, true);
            }
        }
        return (watch.Elapsed, false);
    }

    // The CPU ticks the process has used, and how long ago it started (/proc/uptime less its start time since boot).
    private static (long Ticks, TimeSpan Age) Times(int pid)
    {
        var text = File.ReadAllText($"/proc/{pid}/stat");
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var uptime = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
        var started = long.Parse(fields[19], CultureInfo.InvariantCulture) / TicksPerSecond;
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture), TimeSpan.FromSeconds(uptime - started));
    }

    private readonly record struct Stat(int Pid, string Name, int Parent, long Ticks, long Start);

    private static List<Stat> ReadAll()
    {
        var stats = new List<Stat>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            // "pid (comm) state ppid …": comm may hold spaces and parentheses, so the fields start after the last ')'.
            var open = text.IndexOf('(', StringComparison.Ordinal);
            var close = text.LastIndexOf(')');
            var fields = text[(close + 2)..].Split(' ');
            // Fields from the state (the 3rd of proc(5)): ppid is the 4th, utime the 14th, stime the 15th, starttime the 22nd.
            stats.Add(new Stat(pid, text[(open + 1)..close], int.Parse(fields[1], CultureInfo.InvariantCulture),
                long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
                long.Parse(fields[19], CultureInfo.InvariantCulture)));
        }
        return stats;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    // The "cpu" line of /proc/stat sums every core: user nice system idle iowait irq softirq steal …; busy is all but idle and iowait.
    private static long MachineBusyTicks()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], CultureInfo.InvariantCulture);
        return Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
    }
}
