namespace HauGiang.Tracker.Core.Features.Reporting;

/// <summary>What a unit writes in a progress report for one item and one period.</summary>
public sealed record ReportInput(
    int ItemId,
    int PeriodId,
    int Percent,
    string? Results,
    string? Obstacles,
    string? Proposals,
    string? NextSteps,
    DateOnly? AchievedOn);

/// <summary>A file given as evidence (minh chứng), as uploaded.</summary>
public sealed record EvidenceFile(string FileName, string? ContentType, byte[] Content);
