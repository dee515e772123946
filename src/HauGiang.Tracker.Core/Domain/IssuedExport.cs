namespace HauGiang.Tracker.Core.Domain;

/// <summary>
/// A file the system issued: a review report in one format, who asked for it and when, what it covers, and two
/// hashes. <see cref="ContentHash"/> is over what the report says and the issuance (its short form is printed on
/// every page); <see cref="FileHash"/> is over the file's bytes, so a file brought back unchanged is recognised and
/// an altered one is not.
/// </summary>
public sealed class IssuedExport
{
    public long Id { get; set; }
    public int ProgramId { get; set; }
    public int? PeriodId { get; set; }
    /// <summary>xlsx, pdf, docx or csv.</summary>
    public required string Format { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    /// <summary>The report's subject, scope and period in words, as its head says them.</summary>
    public required string Subject { get; set; }
    public required string ScopeText { get; set; }
    public required string PeriodText { get; set; }
    public bool Provisional { get; set; }
    /// <summary>SHA-256, lowercase hex.</summary>
    public required string ContentHash { get; set; }
    /// <summary>The first 12 hex digits of <see cref="ContentHash"/>, uppercase: what a reader types.</summary>
    public required string Code { get; set; }
    /// <summary>SHA-256 of the file, lowercase hex.</summary>
    public required string FileHash { get; set; }
    public long Size { get; set; }
    public DateTime IssuedAt { get; set; }
    public string? UserId { get; set; }
    public required string IssuedBy { get; set; }
}
