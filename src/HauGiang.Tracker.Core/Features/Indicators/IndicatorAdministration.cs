using System.Globalization;
using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Indicators;

/// <summary>Administrators keep the indicators (chỉ tiêu) and their yearly targets.</summary>
public sealed class IndicatorAdministration(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    public async Task<OperationResult> SaveAsync(Actor actor, IndicatorInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageStructure, null, input.Code, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var context = await ProgramContext.LoadAsync(db, ct);
        var indicators = await db.Indicators.Include(i => i.Targets).Where(i => i.ProgramId == context.Program.Id).ToListAsync(ct);
        var errors = Validate(context, input);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        var indicator = indicators.SingleOrDefault(i => i.Code == input.Code.Trim());
        if (indicator is null)
        {
            indicator = new Indicator { ProgramId = context.Program.Id, Code = "", Name = "" };
            db.Indicators.Add(indicator);
        }
        Apply(context, indicator, input);
        await db.SaveChangesAsync(ct);
        return OperationResult.Success;
    }

    internal static ValidationErrors Validate(ProgramContext context, IndicatorInput input)
    {
        var errors = new ValidationErrors();
        errors.Add(nameof(input.Code), StructureRules.CodeProblem(input.Code));
        errors.Add(nameof(input.Name), StructureRules.RequiredText(input.Name, TextLimits.Line, "tên chỉ tiêu"));
        errors.Add(nameof(input.Measure), StructureRules.TextProblem(input.Measure, TextLimits.Code * 2, "đơn vị tính"));
        errors.Add(nameof(input.Description), StructureRules.TextProblem(input.Description, TextLimits.Paragraph, "mô tả"));
        errors.Add(nameof(input.ResponsibleUnitCode), input.ResponsibleUnitCode is { Length: > 0 } u && !context.Units.ContainsKey(u) ? $"Không có đơn vị mã {input.ResponsibleUnitCode}." : null);
        errors.Add(nameof(input.GroupOrdinal), input.GroupOrdinal is { } g && !context.Groups.ContainsKey(g) ? $"Không có nhóm thứ {input.GroupOrdinal}." : null);
        errors.Add(nameof(input.BreakthroughOrdinal), input.BreakthroughOrdinal is { } b && !context.Breakthroughs.ContainsKey(b) ? $"Không có đột phá thứ {input.BreakthroughOrdinal}." : null);
        foreach (var (year, target) in input.Targets)
        {
            errors.Add($"Targets[{year}]", year < context.Program.TermStartYear || year > context.Program.TermEndYear + 5 ? $"Năm {year} nằm ngoài nhiệm kỳ." : null);
            errors.Add($"Targets[{year}]", StructureRules.TextProblem(target, TextLimits.Name, "chỉ tiêu"));
        }
        return errors;
    }

    internal static void Apply(ProgramContext context, Indicator indicator, IndicatorInput input)
    {
        indicator.Code = input.Code.Trim();
        indicator.Name = input.Name.Trim();
        indicator.Measure = string.IsNullOrWhiteSpace(input.Measure) ? null : input.Measure.Trim();
        indicator.Direction = input.Direction;
        indicator.ResponsibleUnitId = input.ResponsibleUnitCode is { Length: > 0 } u ? context.Units[u].Id : null;
        indicator.GroupId = input.GroupOrdinal is { } g ? context.Groups[g] : null;
        indicator.BreakthroughId = input.BreakthroughOrdinal is { } b ? context.Breakthroughs[b] : null;
        indicator.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        foreach (var gone in indicator.Targets.Where(t => !input.Targets.TryGetValue(t.Year, out var v) || string.IsNullOrWhiteSpace(v)).ToList())
        {
            indicator.Targets.Remove(gone);
        }
        foreach (var (year, text) in input.Targets.Where(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            var target = indicator.Targets.FirstOrDefault(t => t.Year == year);
            if (target is null)
            {
                target = new IndicatorTarget { Year = year };
                indicator.Targets.Add(target);
            }
            var (number, words) = ReadTarget(text!);
            target.Target = number;
            target.TargetText = words;
        }
    }

    /// <summary>"70", "70,5" or "70.5" is a number; "nhóm khá" stays words.</summary>
    public static (decimal? Number, string? Text) ReadTarget(string text)
    {
        var trimmed = text.Trim();
        return decimal.TryParse(trimmed.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && !trimmed.Contains(' ', StringComparison.Ordinal)
            ? (number, null)
            : (null, trimmed);
    }

    public static string? FormatTarget(IndicatorTarget? target) =>
        target is null ? null : target.Target?.ToString("0.####", CultureInfo.InvariantCulture) ?? target.TargetText;
}
