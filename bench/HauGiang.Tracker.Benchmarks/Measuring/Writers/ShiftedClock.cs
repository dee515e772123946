namespace HauGiang.Tracker.Benchmarks.Measuring.Writers;

/// <summary>
/// The system clock moved by <see cref="Shift"/>: the services see another day (the last day of a period) while
/// time still runs, so every write keeps an instant of its own, as it would on that day.
/// </summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + Shift;
}
