namespace HauGiang.Tracker.Core.Domain;

/// <summary>What a notice is about. The numbers are stored: append, never reorder.</summary>
public enum NoticeKind
{
    /// <summary>A deadline within 30, 7 or 1 days (<see cref="Notice.Days"/> says which).</summary>
    DeadlineSoon = 0,
    Overdue = 1,
    /// <summary>Overdue by more than 30 days.</summary>
    LongOverdue = 2,
    PeriodOpened = 3,
    /// <summary>The last reporting day of a period (the 14th, or the working day before it).</summary>
    PeriodLastDay = 4,
    ReportReturned = 5,
    ReportConfirmed = 6,
    ExplanationRequested = 7,
    ExplanationAnswered = 8,
    DeadlineAdjusted = 9,
    /// <summary>An item moved to the person's unit by a merger.</summary>
    ItemMoved = 10,
}

/// <summary>
/// One notice to one person. <see cref="Key"/> names the occurrence it reports (e.g. "returned:review-event-812"),
/// unique per user: computing the notices again, after a restart or on another instance, adds nothing twice.
/// The words are written when the notice is made, so it keeps saying what it said.
/// </summary>
public sealed class Notice
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public NoticeKind Kind { get; set; }
    public required string Key { get; set; }
    public int? ProgramId { get; set; }
    public int? WorkItemId { get; set; }
    public int? PeriodId { get; set; }
    /// <summary>The days before the deadline for <see cref="NoticeKind.DeadlineSoon"/>.</summary>
    public int? Days { get; set; }
    public DateOnly? DueOn { get; set; }
    public required string Title { get; set; }
    /// <summary>The reason of a return, the question asked, the answer given: what the person must read.</summary>
    public string? Detail { get; set; }
    /// <summary>Where the notice opens, relative to the app's root (e.g. "muc/42/bao-cao").</summary>
    public required string Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    /// <summary>When it went out in an e-mail digest (only the kinds the person asked for).</summary>
    public DateTime? MailedAt { get; set; }
}

/// <summary>What a person gets by e-mail. Without a row: the defaults (daily digest for unit staff, weekly for leaders, every kind).</summary>
public sealed class NoticePreference : Entity
{
    public required string UserId { get; set; }
    public bool DailyDigest { get; set; } = true;
    public bool WeeklyDigest { get; set; } = true;
    /// <summary>The kinds of notice a digest lists; the others stay in the app only.</summary>
    public List<NoticeKind> MailedKinds { get; set; } = [.. Enum.GetValues<NoticeKind>()];
}

public enum MailState
{
    Pending,
    Sent,
    /// <summary>Given up after the last retry, or refused for good by the server: the administrator sees it.</summary>
    Failed,
}

public enum MailKind
{
    DailyDigest,
    WeeklyDigest,
}

/// <summary>
/// An e-mail waiting to go or gone. <see cref="Key"/> (e.g. "daily:user-id:2026-12-03") is unique: each digest
/// is made once per person and day whatever restarts or instances do. A failed send is retried later with
/// back-off; each message is sent by itself, so one bad address does not hold the others.
/// </summary>
public sealed class OutgoingMail
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public MailKind Kind { get; set; }
    public required string UserId { get; set; }
    public required string ToAddress { get; set; }
    public required string ToName { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    public DateTime CreatedAt { get; set; }
    public MailState State { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    /// <summary>An instance that took the message to send holds it until then; another may take it after.</summary>
    public DateTime? LockedUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }
}
