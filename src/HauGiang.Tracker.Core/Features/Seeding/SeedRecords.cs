using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Seeding;

internal sealed record GroupSeed(int Ordinal, string Heading, string Title, string Text);

internal sealed record UnitSeed(string Code, string Name, string ShortName, OrgUnitKind Kind, DateOnly? ValidTo = null, DateOnly? ValidFrom = null);

internal sealed record ItemSeed(
    string Code,
    WorkItemKind Kind,
    string Title,
    Deadline Deadline,
    int? Group = null,
    int? Breakthrough = null,
    string? Lead = null,
    string[]? Coordinating = null,
    DocumentType DocumentType = DocumentType.Other,
    string? IssuingAuthority = null,
    ItemOrigin Origin = ItemOrigin.Program,
    string? SourceNote = null);

internal sealed record MergerSeed(string[] Merged, string Successor, DateOnly EffectiveOn, string Basis);
