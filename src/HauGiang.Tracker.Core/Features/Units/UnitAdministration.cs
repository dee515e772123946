using System.Globalization;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Units;

/// <summary>A merger: the units that end, the one that takes their work over, and from when.</summary>
public sealed record MergerInput(IReadOnlyList<string> MergedUnitCodes, string SuccessorCode, DateOnly EffectiveOn, string Basis, UnitInput? NewSuccessor = null);

/// <summary>What a merger moved, for the administrator to see.</summary>
public sealed record MergerOutcome(int ItemsMoved, int ItemsKept, int StaffMoved);

/// <summary>Administrators keep the responsible units: add, correct, and record mergers without losing who was responsible when.</summary>
public sealed class UnitAdministration(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>UBND thành phố Cần Thơ: where a district-level unit's open work goes unless the administrator decides otherwise.</summary>
    public const string DistrictLevelSuccessorCode = "CT-UBND";

    private static readonly Dictionary<string, string> Labels = new() { ["Name"] = "Tên đơn vị", ["ShortName"] = "Tên viết tắt", ["ValidTo"] = "Hiệu lực đến" };

    public async Task<OperationResult> SaveUnitAsync(Actor actor, int? unitId, UnitInput input, uint? version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageUnits, null, input.Code, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var units = await db.OrgUnits.ToListAsync(ct);
        var unit = unitId is null ? null : units.SingleOrDefault(u => u.Id == unitId);
        if (unitId is not null && unit is null)
        {
            return OperationResult.Form("Không tìm thấy đơn vị này.");
        }
        var errors = Validate(input, units, unit);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        if (unit is null)
        {
            unit = new OrgUnit { Code = "", Name = "" };
            db.OrgUnits.Add(unit);
        }
        Apply(unit, input, units);
        return unitId is not null && version is { } v
            ? await db.SaveAtVersionAsync(unit, v, ex => ConcurrencyConflict.DescribeAsync(ex, Labels, ct), ct)
            : await db.SaveUnlessConflictAsync(Labels, ct);
    }

    /// <summary>
    /// Records a merger in one transaction: the merged units end the day before, their open items and staff
    /// pass to the successor from the effective day; finished items, past reports and verdicts stay with
    /// the unit that was responsible then.
    /// </summary>
    public async Task<(OperationResult Result, MergerOutcome? Outcome)> RecordMergerAsync(Actor actor, MergerInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageUnits, null, input.SuccessorCode, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        db.AuditReason = $"Sáp nhập đơn vị: {input.Basis?.Trim()}";
        var units = await db.OrgUnits.ToListAsync(ct);
        var errors = new ValidationErrors();
        var merged = input.MergedUnitCodes.Distinct().Select(c => units.SingleOrDefault(u => u.Code == c)).ToList();
        errors.Add("Merged", input.MergedUnitCodes.Count == 0 ? "Chọn ít nhất một đơn vị được sáp nhập." : null);
        errors.Add("Merged", merged.Any(u => u is null) ? "Có đơn vị được sáp nhập không tồn tại." : null);
        // A merger may be recorded after the fact: a unit that already ended is accepted when it ended the day before.
        var endedBefore = merged.Where(u => u?.ValidTo is { } end && end < input.EffectiveOn.AddDays(-1)).Select(u => u!).ToList();
        errors.Add("Merged", endedBefore.Count > 0
            ? string.Join(" ", endedBefore.Select(u => $"{u.Name} đã kết thúc hoạt động hết ngày {Day(u.ValidTo)}, trước ngày hiệu lực {Day(input.EffectiveOn)} hơn một ngày; ngày hiệu lực của việc sáp nhập phải là {Day(u.ValidTo!.Value.AddDays(1))}."))
            : null);
        errors.Add("Merged", merged.Any(u => u?.ValidFrom is { } start && start >= input.EffectiveOn) ? "Có đơn vị được sáp nhập chưa thành lập vào ngày sáp nhập." : null);
        errors.Add("Basis", string.IsNullOrWhiteSpace(input.Basis) ? "Nhập căn cứ (số, ngày văn bản quyết định sáp nhập)." : null);
        errors.Add("Basis", (input.Basis?.Length ?? 0) > TextLimits.Line ? $"Căn cứ không quá {TextLimits.Line} ký tự." : null);
        if (string.IsNullOrWhiteSpace(input.SuccessorCode) && input.NewSuccessor is null && merged.Count > 0 && merged.All(u => u?.Kind == OrgUnitKind.DistrictLevel))
        {
            input = input with { SuccessorCode = DistrictLevelSuccessorCode };
        }
        var successor = units.SingleOrDefault(u => u.Code == input.SuccessorCode);
        var mergedIds = merged.OfType<OrgUnit>().Select(u => u.Id).ToList();
        if (input.NewSuccessor is not null)
        {
            errors.AddAll("Successor.", Validate(input.NewSuccessor, units, null));
        }
        else
        {
            errors.Add("Successor", successor is null ? "Chọn đơn vị tiếp nhận." : null);
            errors.Add("Successor", successor is not null && !successor.IsActiveOn(input.EffectiveOn)
                ? $"Đơn vị tiếp nhận {successor.Name} không hoạt động vào ngày {Day(input.EffectiveOn)} ({(successor.ValidTo < input.EffectiveOn ? $"đã kết thúc hoạt động hết ngày {Day(successor.ValidTo)}" : $"thành lập từ {Day(successor.ValidFrom)}")})."
                : null);
        }
        errors.Add("Successor", successor is not null && input.NewSuccessor is null && await db.UnitSuccessions.AnyAsync(s => s.SuccessorId == successor.Id && mergedIds.Contains(s.PredecessorId), ct)
            ? "Việc chuyển giao từ các đơn vị này cho đơn vị tiếp nhận đã được ghi nhận." : null);
        errors.Add("Successor", successor is not null && merged.Contains(successor) ? "Đơn vị tiếp nhận không nằm trong các đơn vị được sáp nhập." : null);
        if (errors.Any)
        {
            return (errors.ToResult(), null);
        }

        var basis = input.Basis!.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (input.NewSuccessor is not null)
        {
            successor = new OrgUnit { Code = "", Name = "" };
            Apply(successor, input.NewSuccessor, units);
            successor.ValidFrom = input.EffectiveOn;
            db.OrgUnits.Add(successor);
            await db.SaveChangesAsync(ct);
        }
        var lastDay = input.EffectiveOn.AddDays(-1);
        var outcome = await WorkTransfer.MoveAsync(db, [.. merged.Select(u => u!)], successor!, input.EffectiveOn, basis, ct);
        foreach (var unit in merged)
        {
            unit!.ValidTo = lastDay;
            db.UnitSuccessions.Add(new UnitSuccession { PredecessorId = unit.Id, SuccessorId = successor!.Id, EffectiveOn = input.EffectiveOn, Basis = basis });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (OperationResult.Success, outcome);
    }

    private static string Day(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    internal static ValidationErrors Validate(UnitInput input, IReadOnlyList<OrgUnit> units, OrgUnit? existing)
    {
        var errors = new ValidationErrors();
        errors.Add(nameof(input.Code), StructureRules.CodeProblem(input.Code));
        errors.Add(nameof(input.Code), units.Any(u => u.Code == input.Code?.Trim() && u != existing) ? $"Mã đơn vị {input.Code} đã có." : null);
        errors.Add(nameof(input.Name), StructureRules.RequiredText(input.Name, TextLimits.Name, "tên đơn vị"));
        errors.Add(nameof(input.ShortName), StructureRules.TextProblem(input.ShortName, TextLimits.Name, "tên viết tắt"));
        if (!string.IsNullOrWhiteSpace(input.ParentCode))
        {
            var parent = units.SingleOrDefault(u => u.Code == input.ParentCode.Trim());
            errors.Add(nameof(input.ParentCode), parent is null ? $"Không có đơn vị cấp trên mã {input.ParentCode}." : null);
            errors.Add(nameof(input.ParentCode), parent is not null && existing is not null && StructureRules.FindCycle(existing.Code, ParentsIf(units, existing.Code, parent.Code)) is not null ? "Đơn vị cấp trên không được là chính đơn vị này hay đơn vị cấp dưới của nó." : null);
        }
        return errors;
    }

    internal static void Apply(OrgUnit unit, UnitInput input, IReadOnlyList<OrgUnit> units)
    {
        unit.Code = input.Code.Trim();
        unit.Name = input.Name.Trim();
        unit.ShortName = string.IsNullOrWhiteSpace(input.ShortName) ? null : input.ShortName.Trim();
        unit.Kind = input.Kind;
        unit.ParentId = string.IsNullOrWhiteSpace(input.ParentCode) ? null : units.Single(u => u.Code == input.ParentCode.Trim()).Id;
        unit.ValidTo = input.ValidTo;
    }

    /// <summary>Each unit's parent code, as it would be with <paramref name="code"/> placed under <paramref name="parentCode"/>.</summary>
    private static Dictionary<string, string?> ParentsIf(IReadOnlyList<OrgUnit> units, string code, string parentCode)
    {
        var codeOf = units.ToDictionary(u => u.Id, u => u.Code);
        var parents = units.ToDictionary(u => u.Code, u => u.ParentId is { } p ? codeOf.GetValueOrDefault(p) : null, StringComparer.Ordinal);
        parents[code] = parentCode;
        return parents;
    }
}
