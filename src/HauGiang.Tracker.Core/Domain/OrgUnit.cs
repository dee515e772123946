namespace HauGiang.Tracker.Core.Domain;

public enum OrgUnitKind
{
    /// <summary>Tỉnh ủy, Ban Thường vụ, HĐND, UBND tỉnh.</summary>
    ProvincialLeadership,
    /// <summary>Ban Tổ chức, Ban Tuyên giáo, Ban Dân vận, Ủy ban Kiểm tra, Văn phòng Tỉnh ủy.</summary>
    PartyBody,
    /// <summary>Sở, ban, ngành of the provincial People's Committee.</summary>
    Department,
    /// <summary>Thành phố, thị xã, huyện (until 06/2025).</summary>
    DistrictLevel,
    /// <summary>Mặt trận Tổ quốc and the socio-political organisations.</summary>
    MassOrganisation,
    Other,
}

/// <summary>A responsible unit. Units merge and end: history keeps the unit that was responsible then.</summary>
public sealed class OrgUnit : Entity
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public OrgUnitKind Kind { get; set; }
    public int? ParentId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    /// <summary>The last day the unit existed; null while it does.</summary>
    public DateOnly? ValidTo { get; set; }
    public bool IsSample { get; set; }

    public List<UnitSuccession> Successors { get; } = [];

    public bool IsActiveOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}

/// <summary>A unit's work passed to another on a day (a merger or split).</summary>
public sealed class UnitSuccession
{
    public int PredecessorId { get; set; }
    public OrgUnit? Predecessor { get; set; }
    public int SuccessorId { get; set; }
    public OrgUnit? Successor { get; set; }
    public DateOnly EffectiveOn { get; set; }
    public string? Basis { get; set; }
}
