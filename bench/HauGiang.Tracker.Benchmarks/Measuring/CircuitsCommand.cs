namespace HauGiang.Tracker.Benchmarks.Measuring;

internal static class CircuitsCommand
{
    public static Task<int> RunAsync(CommandLine args, CancellationToken ct) => Task.FromResult(0);
}
