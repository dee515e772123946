using System.Diagnostics;
using System.Globalization;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>
/// Times one piece of work and what it costs in memory: allocated (GC.GetTotalAllocatedBytes(precise) after minus
/// before), peak heap growth (the highest GC heap sampled every 5 ms during the work, less the heap before it after a
/// full collection) and the process's peak RSS (VmHWM, reset through /proc/self/clear_refs before the work; null where
/// the kernel refuses the reset).
/// </summary>
internal static class MemoryProbe
{
    public sealed record Cost(double Ms, double AllocatedMb, double PeakHeapGrowthMb, double? PeakRssMb, double RssBeforeMb);

    public static async Task<Cost> MeasureAsync(Func<Task> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(false);
        var rssBefore = Rss("VmRSS");
        var canResetPeak = ResetPeakRss();
        long peakHeap = heapBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var now = GC.GetTotalMemory(false);
                if (now > Volatile.Read(ref peakHeap))
                {
                    Volatile.Write(ref peakHeap, now);
                }
                try
                {
                    await Task.Delay(5, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }, CancellationToken.None);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var watch = Stopwatch.StartNew();
        await work();
        watch.Stop();
        var allocatedAfter = GC.GetTotalAllocatedBytes(true);
        await sampling.CancelAsync();
        await sampler;
        var peak = Math.Max(Volatile.Read(ref peakHeap), GC.GetTotalMemory(false));
        return new Cost(watch.Elapsed.TotalMilliseconds, (allocatedAfter - allocatedBefore) / 1024.0 / 1024.0, (peak - heapBefore) / 1024.0 / 1024.0,
            canResetPeak ? Rss("VmHWM") : null, rssBefore);
    }

    /// <summary>Whether the kernel lets this process reset its peak RSS (so the peak RSS column means something).</summary>
    public static bool CanResetPeakRss() => ResetPeakRss();

    // Linux: writing 5 to clear_refs resets the peak resident set size (VmHWM) to the current one.
    private static bool ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double Rss(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
