using System.Diagnostics;

namespace HauGiang.Tracker.Benchmarks;

/// <summary>Progress lines on stderr, each with the time since the command started.</summary>
internal static class Progress
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static TimeSpan Elapsed => Clock.Elapsed;

    public static void Say(string message) => Console.Error.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
}
