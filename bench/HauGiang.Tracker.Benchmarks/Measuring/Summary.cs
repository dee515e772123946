using System.Globalization;

namespace HauGiang.Tracker.Benchmarks.Measuring;

/// <summary>Median, 95th percentile (nearest rank: with 7 runs it is the slowest) and maximum of a series.</summary>
internal sealed record Summary(double Median, double P95, double Max)
{
    public static Summary Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        var p95 = sorted[(int)Math.Ceiling(0.95 * sorted.Length) - 1];
        return new Summary(median, p95, sorted[^1]);
    }

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
}
