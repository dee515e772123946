using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>One deadline an item has had, with the decision that set it (none for the original).</summary>
public sealed record DeadlineStep(int Sequence, Deadline Deadline, DateOnly EffectiveOn, string? BasisNumber, DateOnly? BasisDate, string? BasisNote)
{
    public bool IsOriginal => Sequence == 0;

    /// <summary>The last day the deadline allows: the due day, or the last occurrence of recurring work; null when it has none.</summary>
    public DateOnly? EndsOn => ScheduleDays.EndOf(Deadline);
}

/// <summary>A step on an item's roadmap (mốc tiến độ) as it stood on the day: done only if done by then.</summary>
public sealed record MilestoneFact(int Id, int Ordinal, string Title, DateOnly? DueDate, DateOnly? CompletedOn);

/// <summary>What the roadmap draws for an item beyond its status row: its deadlines in order and its milestones.</summary>
public sealed record ItemSchedule(IReadOnlyList<DeadlineStep> Deadlines, IReadOnlyList<MilestoneFact> Milestones)
{
    public static ItemSchedule None { get; } = new([], []);

    /// <summary>Whether the deadline was adjusted by the day: then the original and each adjustment are drawn.</summary>
    public bool WasAdjusted => Deadlines.Count > 1;
}

internal static class ScheduleDays
{
    public static DateOnly? EndOf(Deadline deadline) => deadline.Kind switch
    {
        DeadlineKind.Date or DeadlineKind.Period => deadline.DueDate,
        DeadlineKind.Recurring => deadline.RecursUntil ?? deadline.DueDate,
        _ => null,
    };
}
