using HauGiang.Tracker.Core.Domain;

namespace HauGiang.Tracker.Core.Features.Items;

/// <summary>
/// What an administrator enters for a task or a document; the deadline as the program words it.
/// <see cref="Origin"/> null keeps the item's source as it is (a workbook row does not carry it); a new item
/// without one is an administrator's entry.
/// </summary>
public sealed record ItemInput(
    WorkItemKind Kind,
    string Code,
    string Title,
    string? Description = null,
    string? ParentCode = null,
    int? BreakthroughOrdinal = null,
    int? GroupOrdinal = null,
    string? Deadline = null,
    DateOnly? StartsOn = null,
    decimal Weight = 1m,
    string? ResponsiblePerson = null,
    DocumentType DocumentType = DocumentType.Other,
    string? IssuingAuthority = null,
    ItemOrigin? Origin = null,
    string? SourceNote = null);

/// <summary>Who answers for an item: one lead unit, any coordinating units, and a person.</summary>
public sealed record AssignmentInput(string? LeadUnitCode, IReadOnlyList<string> CoordinatingUnitCodes, string? ResponsiblePerson);

public sealed record MilestoneInput(int Ordinal, string Title, DateOnly? DueDate, DateOnly? CompletedOn, string? Note);

public sealed record UnitInput(string Code, string Name, string? ShortName, OrgUnitKind Kind, string? ParentCode, DateOnly? ValidTo);

public sealed record IndicatorInput(
    string Code, string Name, string? Measure, IndicatorDirection Direction, string? ResponsibleUnitCode,
    int? GroupOrdinal, int? BreakthroughOrdinal, string? Description, IReadOnlyDictionary<int, string?> Targets);
