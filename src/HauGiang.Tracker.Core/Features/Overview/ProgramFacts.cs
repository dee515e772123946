using System.Text.Json.Serialization;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.Core.Features.Overview;

/// <summary>How the figures were obtained: live today, reconstructed for a past day, or frozen when a period closed.</summary>
public enum FactsBasis
{
    Today,
    PastDay,
    ClosedPeriod,
}

/// <summary>What the read side asks for: a program (the first when null), a day (today when null) or a closed period.</summary>
public sealed record FactsRequest(int? ProgramId = null, DateOnly? AsOf = null, int? PeriodId = null);

public sealed record PeriodRef(int Id, PeriodKind Kind, string Label, DateOnly StartsOn, DateOnly EndsOn, PeriodState State, DateTime? ClosedAt);

public sealed record ProgramRef(int Id, string Code, string Title, DateOnly IssuedOn, int TermStartYear, int TermEndYear);

/// <summary>One item as the read side sees it on the day: its status row and where it is counted.</summary>
/// <param name="StartsOn">The day the item's work starts: its own start, else the day its first deadline took effect.</param>
/// <param name="Coordinators">Units coordinating the item on the day.</param>
public sealed record FactItem(ItemRow Row, int? BreakthroughId, int? GroupId, DateOnly? StartsOn, IReadOnlyList<int> Coordinators, RiskReason? Risk)
{
    public int Id => Row.Id;
    public ItemStatus Status => Row.Status;
    public bool Counts => Row.State != ItemState.Dropped;
}

/// <summary>A unit as the read side names it, with the day it ended and who took its work over.</summary>
public sealed record UnitFact(int Id, string Code, string Name, bool IsSample, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<int> SuccessorIds);

/// <summary>
/// The one read model of the dashboard, the units' table, the drill-down lists, the roadmap and the review
/// reports: every item of a program with its status on one day (or as frozen for a closed period). Every
/// number on those pages is computed from these rows, so they agree by construction.
/// </summary>
public sealed record ProgramFacts(
    ProgramRef Program,
    DateOnly AsOf,
    DateOnly Today,
    FactsBasis Basis,
    PeriodRef? Period,
    IReadOnlyList<FactItem> Items,
    IReadOnlyList<Heading> Breakthroughs,
    IReadOnlyList<Heading> Groups,
    IReadOnlyList<UnitFact> Units,
    IReadOnlyList<UnitActivity> Activity,
    IReadOnlyList<IndicatorFact> Indicators)
{
    public bool HasSamples => Items.Any(i => i.Row.IsSample);

    /// <summary>
    /// The program's change stamp when these facts were last loaded whole: kept while the store only brings them up to
    /// date after reports, so it moves with every other change (an item, a deadline, a milestone, a period, a snapshot).
    /// What depends on the program's structure and not on its reports (the roadmap's schedules, the trend of closed
    /// periods) is cached by it. Not part of what the facts say.
    /// </summary>
    [JsonIgnore]
    public long StructureStamp { get; init; }
}

/// <summary>A breakthrough or a group as a heading of the figures.</summary>
public sealed record Heading(int Id, int Ordinal, string Label, string Title);

/// <summary>What a unit did by the day: its last report, reports returned to it, explanations still owed.</summary>
public sealed record UnitActivity(int UnitId, DateTime? LastReportAt, int ReturnedReports, int OpenExplanations);

/// <summary>An indicator against its target for the year of the day: the latest value recorded by then.</summary>
public sealed record IndicatorFact(
    int Id, string Code, string Name, string? Measure, IndicatorDirection Direction, bool IsSample, int Year,
    decimal? Target, string? TargetText, decimal? Latest, string? LatestPeriod)
{
    /// <summary>Whether the latest value reaches the target; null without both as numbers.</summary>
    public bool? Met => (Target, Latest) is ({ } t, { } v) ? Direction == IndicatorDirection.LowerIsBetter ? v <= t : v >= t : null;
}

/// <summary>Where the program stood when one reporting period closed.</summary>
public sealed record TrendPoint(PeriodRef Period, Totals Totals);
