namespace HauGiang.Tracker.Core.Domain;

public enum DocumentType
{
    /// <summary>Nghị quyết.</summary>
    Resolution,
    /// <summary>Chỉ thị.</summary>
    Directive,
    /// <summary>Kết luận.</summary>
    Conclusion,
    /// <summary>Quy định.</summary>
    Regulation,
    /// <summary>Chương trình.</summary>
    Programme,
    /// <summary>Kế hoạch.</summary>
    Plan,
    /// <summary>Đề án.</summary>
    Scheme,
    /// <summary>Quyết định.</summary>
    Decision,
    /// <summary>Hướng dẫn.</summary>
    Guidance,
    Other,
}

/// <summary>A document's lifecycle: chưa triển khai → đang soạn thảo → trình ký → đã ban hành.</summary>
public enum DocumentStage
{
    NotStarted,
    Drafting,
    SubmittedForSignature,
    Issued,
}

/// <summary>A document the program requires to be issued (văn bản phải ban hành), with its roadmap.</summary>
public sealed class RequiredDocument : WorkItem
{
    public override WorkItemKind Kind => WorkItemKind.Document;

    public DocumentType DocumentType { get; set; }
    /// <summary>Cấp ban hành: who signs it into force (Ban Thường vụ Tỉnh ủy, UBND tỉnh …).</summary>
    public string? IssuingAuthority { get; set; }
    public DocumentStage Stage { get; set; }

    public string? NumberSymbol { get; set; }
    public DateOnly? IssuedOn { get; set; }
    /// <summary>Trích yếu.</summary>
    public string? Abstract { get; set; }
    public string? Signer { get; set; }
    /// <summary>The signed document as issued, when it was uploaded with the issuance.</summary>
    public long? IssuedFileId { get; set; }
    public StoredFile? IssuedFile { get; set; }
    public string? IssuedFileName { get; set; }
    public DateTime? IssuanceConfirmedAt { get; set; }
    public string? IssuanceConfirmedBy { get; set; }

    /// <summary>Issued, and the issuance confirmed by the monitoring office: the document counts as done on its issue date.</summary>
    public DateOnly? CompletedOn => Stage == DocumentStage.Issued && IssuanceConfirmedAt is not null ? IssuedOn : null;
}
