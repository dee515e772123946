using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Domain;

/// <summary>
/// A unit's report on one item for one period: percent and the sections of a Vietnamese progress report.
/// A report for a closed period is never edited; a correction is a new report pointing at it.
/// </summary>
public sealed class ProgressReport : Entity
{
    public int WorkItemId { get; set; }
    public WorkItem? WorkItem { get; set; }
    public int PeriodId { get; set; }
    public ReportingPeriod? Period { get; set; }
    /// <summary>The unit that reported, kept as it was even after a merger.</summary>
    public int ReportingUnitId { get; set; }
    public OrgUnit? ReportingUnit { get; set; }

    /// <summary>A coordinating unit's contribution: shown on the item, never the item's official figure.</summary>
    public bool IsContribution { get; set; }

    public int Percent { get; set; }
    /// <summary>Kết quả đạt được.</summary>
    public string? Results { get; set; }
    /// <summary>Khó khăn, vướng mắc.</summary>
    public string? Obstacles { get; set; }
    /// <summary>Đề xuất, kiến nghị.</summary>
    public string? Proposals { get; set; }
    /// <summary>Nhiệm vụ, giải pháp tiếp theo.</summary>
    public string? NextSteps { get; set; }
    /// <summary>The day the work reached 100 %; dates "done" once confirmed.</summary>
    public DateOnly? AchievedOn { get; set; }

    public ReviewState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewNote { get; set; }

    /// <summary>
    /// Set on a correction: a change to a confirmed report (after its period closed, or before), which
    /// replaces it only once the office confirms the correction.
    /// </summary>
    public int? CorrectsReportId { get; set; }
    /// <summary>Set once a correction of this report is confirmed and replaces it as the official record.</summary>
    public int? SupersededById { get; set; }

    public List<Evidence> Evidence { get; } = [];
    public List<ReviewEvent> ReviewEvents { get; } = [];
}

/// <summary>A step of a report's review (submitted, confirmed, returned …), kept so any past day can be replayed.</summary>
public sealed class ReviewEvent
{
    public long Id { get; set; }
    public int ReportId { get; set; }
    public ReviewState FromState { get; set; }
    public ReviewState ToState { get; set; }
    public DateTime At { get; set; }
    public string? By { get; set; }
    public string? Note { get; set; }
}

public enum EvidenceKind
{
    File,
    IssuedDocument,
    Link,
}

/// <summary>Minh chứng: a stored file, an issued document of the program, or a link.</summary>
public sealed class Evidence
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public EvidenceKind Kind { get; set; }
    public string? Description { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public long? SizeBytes { get; set; }
    /// <summary>SHA-256 of the file's bytes, hex.</summary>
    public string? Sha256 { get; set; }
    public long? StoredFileId { get; set; }
    public StoredFile? StoredFile { get; set; }
    public int? DocumentId { get; set; }
    public string? Url { get; set; }
}

/// <summary>The bytes of an uploaded file, apart from its description so lists never load them.</summary>
public sealed class StoredFile
{
    public long Id { get; set; }
    public required byte[] Content { get; set; }
}
