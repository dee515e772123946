using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Structure;

namespace HauGiang.Tracker.Core.Features.Items;

/// <summary>
/// What an item must satisfy and how an input becomes an item, in one place, so the editor, the
/// workbook import, the amendments and the deadline adjustment agree. Works on the already-loaded
/// <see cref="ProgramContext"/>; it never touches the database.
/// </summary>
internal static class ItemRules
{
    /// <summary>The checks an item's input must pass; <paramref name="existing"/> is the item being edited, or null for a new one.</summary>
    public static ValidationErrors Validate(ProgramContext context, ItemInput input, WorkItem? existing, out Deadline deadline)
    {
        var errors = new ValidationErrors();
        errors.Add(nameof(input.Code), StructureRules.CodeProblem(input.Code));
        errors.Add(nameof(input.Code), context.Items.TryGetValue(input.Code?.Trim() ?? "", out var same) && same != existing ? $"Mã {input.Code} đã có." : null);
        errors.Add(nameof(input.Kind), existing is not null && existing.Kind != input.Kind ? "Không đổi được nhiệm vụ thành văn bản hay ngược lại." : null);
        errors.Add(nameof(input.Title), StructureRules.RequiredText(input.Title, TextLimits.Paragraph, "nội dung"));
        errors.Add(nameof(input.Description), StructureRules.TextProblem(input.Description, TextLimits.Long, "mô tả"));
        errors.Add(nameof(input.ResponsiblePerson), StructureRules.TextProblem(input.ResponsiblePerson, TextLimits.Name, "cá nhân phụ trách"));
        errors.Add(nameof(input.IssuingAuthority), StructureRules.TextProblem(input.IssuingAuthority, TextLimits.Name, "cấp ban hành"));
        errors.Add(nameof(input.Weight), StructureRules.WeightProblem(input.Weight));
        errors.Add(nameof(input.Origin), input.Origin == ItemOrigin.Amendment && existing?.Origin != ItemOrigin.Amendment
            ? "Nguồn “Văn bản điều chỉnh” chỉ có khi mục được bổ sung bằng một văn bản điều chỉnh, bổ sung Chương trình." : null);
        errors.Add(nameof(input.Origin), input.Origin is { } origin && !Enum.IsDefined(origin) ? "Chọn nguồn của mục." : null);
        errors.Add(nameof(input.SourceNote), StructureRules.TextProblem(input.SourceNote, TextLimits.Paragraph, "ghi chú nguồn"));
        errors.Add(nameof(input.BreakthroughOrdinal), input.BreakthroughOrdinal is { } b && !context.Breakthroughs.ContainsKey(b) ? $"Không có đột phá thứ {input.BreakthroughOrdinal}." : null);
        errors.Add(nameof(input.GroupOrdinal), input.GroupOrdinal is { } g && !context.Groups.ContainsKey(g) ? $"Không có nhóm nhiệm vụ, giải pháp thứ {input.GroupOrdinal}." : null);
        if (!string.IsNullOrWhiteSpace(input.ParentCode))
        {
            if (!context.Items.TryGetValue(input.ParentCode.Trim(), out var parent))
            {
                errors.Add(nameof(input.ParentCode), $"Không có nhiệm vụ cha mã {input.ParentCode}.");
            }
            else if (existing is not null && StructureRules.FindCycle(existing.Code, ParentsIf(context, existing.Code, parent.Code)) is not null)
            {
                errors.Add(nameof(input.ParentCode), $"Nhiệm vụ cha {input.ParentCode} nằm dưới chính {existing.Code}: cây nhiệm vụ sẽ thành vòng lặp.");
            }
        }
        (deadline, var problem) = StructureRules.ReadDeadline(input.Deadline, context.FirstYear, context.LastYear);
        errors.Add(nameof(input.Deadline), problem ?? StructureRules.StartProblem(input.StartsOn, deadline));
        // Once adjusted, the original deadline is history: a new one is an adjustment, not an edit (needs the revisions loaded).
        errors.Add(nameof(input.Deadline), existing is not null && deadline != existing.OriginalDeadline && existing.DeadlineRevisions.Count > 1
            ? "Thời hạn đã được điều chỉnh; thời hạn ban đầu giữ nguyên. Thời hạn mới được ghi bằng chức năng điều chỉnh thời hạn hoặc văn bản điều chỉnh." : null);
        return errors;
    }

    public static void ValidateAssignment(ProgramContext context, AssignmentInput assignment, ValidationErrors errors)
    {
        if (assignment.LeadUnitCode is { Length: > 0 } lead && !context.Units.TryGetValue(lead, out _))
        {
            errors.Add("LeadUnit", $"Không có đơn vị mã {lead}.");
        }
        else if (assignment.LeadUnitCode is { Length: > 0 } l && context.Units[l].ValidTo < context.Today)
        {
            errors.Add("LeadUnit", $"Đơn vị {context.Units[l].Name} đã kết thúc hoạt động; hãy giao cho đơn vị kế thừa.");
        }
        foreach (var code in assignment.CoordinatingUnitCodes)
        {
            errors.Add("CoordinatingUnits", !context.Units.ContainsKey(code) ? $"Không có đơn vị mã {code}." : null);
        }
        errors.Add("CoordinatingUnits", assignment.LeadUnitCode is not null && assignment.CoordinatingUnitCodes.Contains(assignment.LeadUnitCode) ? "Đơn vị chủ trì không đồng thời là đơn vị phối hợp." : null);
        errors.Add("ResponsiblePerson", StructureRules.TextProblem(assignment.ResponsiblePerson, TextLimits.Name, "cá nhân phụ trách"));
    }

    public static ValidationErrors ValidateMilestones(IReadOnlyList<MilestoneInput> milestones)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < milestones.Count; i++)
        {
            errors.Add($"Milestones[{i}].Title", StructureRules.RequiredText(milestones[i].Title, TextLimits.Line, "nội dung mốc"));
            errors.Add($"Milestones[{i}].Note", StructureRules.TextProblem(milestones[i].Note, TextLimits.Paragraph, "ghi chú"));
        }
        errors.Add("Milestones", milestones.Select(m => m.Ordinal).Distinct().Count() != milestones.Count ? "Mỗi mốc cần một số thứ tự riêng." : null);
        return errors;
    }

    /// <summary>Copies a validated input onto the item, codes resolved to ids through <paramref name="context"/>.</summary>
    public static void Apply(ProgramContext context, WorkItem item, ItemInput input)
    {
        item.Code = input.Code.Trim();
        item.Title = input.Title.Trim();
        item.Description = Blank(input.Description);
        item.ParentId = string.IsNullOrWhiteSpace(input.ParentCode) ? null : context.Items[input.ParentCode.Trim()].Id;
        item.BreakthroughId = input.BreakthroughOrdinal is { } b ? context.Breakthroughs[b] : null;
        item.GroupId = input.GroupOrdinal is { } g ? context.Groups[g] : null;
        item.StartsOn = input.StartsOn;
        item.Weight = input.Weight;
        item.ResponsiblePerson = Blank(input.ResponsiblePerson) ?? item.ResponsiblePerson;
        if (input.Origin is { } origin)
        {
            item.Origin = origin;
            item.SourceNote = Blank(input.SourceNote);
        }
        if (item is RequiredDocument document)
        {
            document.DocumentType = input.DocumentType;
            document.IssuingAuthority = Blank(input.IssuingAuthority);
        }
    }

    /// <summary>Ends the assignments that change and opens the new ones from today, so who answered when stays known.</summary>
    public static void Assign(ProgramContext context, WorkItem item, AssignmentInput assignment)
    {
        var wanted = new List<(int UnitId, AssignmentRole Role)>();
        if (assignment.LeadUnitCode is { Length: > 0 } lead)
        {
            wanted.Add((context.Units[lead].Id, AssignmentRole.Lead));
        }
        wanted.AddRange(assignment.CoordinatingUnitCodes.Distinct().Select(c => (context.Units[c].Id, AssignmentRole.Coordinating)));
        foreach (var current in item.Assignments.Where(a => a.EndsOn is null).ToList())
        {
            if (!wanted.Remove((current.OrgUnitId, current.Role)))
            {
                if (current.StartsOn >= context.Today)
                {
                    item.Assignments.Remove(current); // made today by mistake: no history to keep
                }
                else
                {
                    current.EndsOn = context.Today.AddDays(-1);
                }
            }
        }
        foreach (var (unitId, role) in wanted)
        {
            item.Assignments.Add(new WorkItemAssignment { OrgUnitId = unitId, Role = role, StartsOn = context.Today });
        }
        item.ResponsiblePerson = Blank(assignment.ResponsiblePerson);
    }

    /// <summary>Makes the item's milestones the given ones, matched by ordinal: missing ones go, new ones come, the rest are updated.</summary>
    public static void SyncMilestones(WorkItem item, IReadOnlyList<MilestoneInput> milestones)
    {
        foreach (var gone in item.Milestones.Where(m => milestones.All(x => x.Ordinal != m.Ordinal)).ToList())
        {
            item.Milestones.Remove(gone);
        }
        foreach (var input in milestones)
        {
            var milestone = item.Milestones.FirstOrDefault(m => m.Ordinal == input.Ordinal);
            if (milestone is null)
            {
                milestone = new Milestone { Ordinal = input.Ordinal, Title = "" };
                item.Milestones.Add(milestone);
            }
            milestone.Title = input.Title.Trim();
            milestone.DueDate = input.DueDate;
            milestone.CompletedOn = input.CompletedOn;
            milestone.Note = Blank(input.Note);
        }
    }

    /// <summary>Who recorded a deadline revision, and when.</summary>
    public static void Stamp(DeadlineRevision revision, Actor actor, TimeProvider clock)
    {
        revision.RecordedAt = clock.GetUtcNow().UtcDateTime;
        revision.RecordedBy = actor.UserName;
    }

    /// <summary>Each item's parent code, as it would be with <paramref name="code"/> moved under <paramref name="parentCode"/>.</summary>
    private static Dictionary<string, string?> ParentsIf(ProgramContext context, string code, string parentCode)
    {
        var codeOf = context.Items.Values.Where(i => i.Id != 0).ToDictionary(i => i.Id, i => i.Code);
        var parents = context.Items.Values.ToDictionary(i => i.Code, i => i.ParentId is { } p ? codeOf.GetValueOrDefault(p) : null, StringComparer.Ordinal);
        parents[code] = parentCode;
        return parents;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
