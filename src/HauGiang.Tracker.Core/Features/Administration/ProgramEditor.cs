using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Administration;

public sealed record ProgramInput(string Code, string Title, string IssuingBody, DateOnly IssuedOn, int TermStartYear, int TermEndYear,
    string Implements, string? Motto, string? Spirit, string? Goal);

public sealed record ProgramEditorData(uint Version, ProgramInput Input, IReadOnlyList<BreakthroughRowData> Breakthroughs, IReadOnlyList<GroupRowData> Groups);

public sealed record BreakthroughRowData(int Ordinal, string Title, string? Description);

public sealed record GroupRowData(int Ordinal, string Heading, string Title, string? Text);

/// <summary>Administrators correct the program's own details, its breakthroughs and its groups.</summary>
public sealed class ProgramEditor(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    public async Task<ProgramEditorData?> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var p = await db.Programs.AsNoTracking().Include(x => x.Breakthroughs).Include(x => x.Groups).AsSplitQuery().OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
        return p is null ? null : new ProgramEditorData(p.Version,
            new ProgramInput(p.Code, p.Title, p.IssuingBody, p.IssuedOn, p.TermStartYear, p.TermEndYear, p.Implements, p.Motto, p.Spirit, p.Goal),
            [.. p.Breakthroughs.OrderBy(b => b.Ordinal).Select(b => new BreakthroughRowData(b.Ordinal, b.Title, b.Description))],
            [.. p.Groups.OrderBy(g => g.Ordinal).Select(g => new GroupRowData(g.Ordinal, g.Heading, g.Title, g.Text))]);
    }

    public async Task<OperationResult> UpdateAsync(Actor actor, uint version, ProgramInput seen, ProgramInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageStructure, null, input.Code, ct);
        var errors = new ValidationErrors();
        errors.Add(nameof(input.Code), StructureRules.CodeProblem(input.Code));
        errors.Add(nameof(input.Title), StructureRules.RequiredText(input.Title, TextLimits.Line, "tên chương trình"));
        errors.Add(nameof(input.IssuingBody), StructureRules.RequiredText(input.IssuingBody, TextLimits.Line, "cơ quan ban hành"));
        errors.Add(nameof(input.Implements), StructureRules.RequiredText(input.Implements, TextLimits.Line, "nghị quyết được triển khai"));
        errors.Add(nameof(input.Motto), StructureRules.TextProblem(input.Motto, TextLimits.Line, "phương châm"));
        errors.Add(nameof(input.Spirit), StructureRules.TextProblem(input.Spirit, TextLimits.Line, "tinh thần"));
        errors.Add(nameof(input.Goal), StructureRules.TextProblem(input.Goal, TextLimits.Paragraph, "mục tiêu"));
        errors.Add(nameof(input.TermEndYear), input.TermStartYear is < 1990 or > 2100 || input.TermEndYear < input.TermStartYear || input.TermEndYear - input.TermStartYear > 10 ? "Nhiệm kỳ phải là hai năm hợp lệ, năm kết thúc không trước năm bắt đầu và không quá 10 năm." : null);
        errors.Add(nameof(input.IssuedOn), input.IssuedOn.Year < input.TermStartYear || input.IssuedOn.Year > input.TermEndYear ? "Ngày ban hành phải nằm trong nhiệm kỳ." : null);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var program = await db.Programs.OrderBy(p => p.Id).FirstAsync(ct);
        if (program.Version != version)
        {
            return ConcurrencyConflict.Describe(
            [
                ("Mã", seen.Code, program.Code), ("Tên", seen.Title, program.Title), ("Cơ quan ban hành", seen.IssuingBody, program.IssuingBody),
                ("Triển khai", seen.Implements, program.Implements), ("Phương châm", seen.Motto, program.Motto), ("Tinh thần", seen.Spirit, program.Spirit), ("Mục tiêu", seen.Goal, program.Goal),
            ]);
        }
        program.Code = input.Code.Trim();
        program.Title = input.Title.Trim();
        program.IssuingBody = input.IssuingBody.Trim();
        program.IssuedOn = input.IssuedOn;
        program.TermStartYear = input.TermStartYear;
        program.TermEndYear = input.TermEndYear;
        program.Implements = input.Implements.Trim();
        program.Motto = Blank(input.Motto);
        program.Spirit = Blank(input.Spirit);
        program.Goal = Blank(input.Goal);
        return await db.SaveAtVersionAsync(program, version, ex => ConcurrencyConflict.DescribeAsync(ex, new Dictionary<string, string> { ["Title"] = "Tên" }, ct), ct);
    }

    public async Task<OperationResult> SaveBreakthroughAsync(Actor actor, BreakthroughRowData input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageStructure, null, $"đột phá {input.Ordinal}", ct);
        if (StructureRules.RequiredText(input.Title, TextLimits.Line, "tên đột phá") is { } problem)
        {
            return OperationResult.Fail(nameof(input.Title), problem);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var program = await db.Programs.Include(p => p.Breakthroughs).OrderBy(p => p.Id).FirstAsync(ct);
        var row = program.Breakthroughs.SingleOrDefault(b => b.Ordinal == input.Ordinal);
        if (row is null)
        {
            row = new StrategicBreakthrough { Ordinal = input.Ordinal, Title = "" };
            program.Breakthroughs.Add(row);
        }
        row.Title = input.Title.Trim();
        row.Description = Blank(input.Description);
        await db.SaveChangesAsync(ct);
        return OperationResult.Success;
    }

    public async Task<OperationResult> SaveGroupAsync(Actor actor, GroupRowData input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageStructure, null, $"nhóm {input.Ordinal}", ct);
        var errors = new ValidationErrors();
        errors.Add(nameof(input.Heading), StructureRules.RequiredText(input.Heading, TextLimits.Code, "tiêu đề nhóm"));
        errors.Add(nameof(input.Title), StructureRules.RequiredText(input.Title, TextLimits.Paragraph, "tên nhóm"));
        if (errors.Any)
        {
            return errors.ToResult();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var program = await db.Programs.Include(p => p.Groups).OrderBy(p => p.Id).FirstAsync(ct);
        var row = program.Groups.SingleOrDefault(g => g.Ordinal == input.Ordinal);
        if (row is null)
        {
            row = new SolutionGroup { Ordinal = input.Ordinal, Heading = "", Title = "" };
            program.Groups.Add(row);
        }
        row.Heading = input.Heading.Trim();
        row.Title = input.Title.Trim();
        row.Text = Blank(input.Text);
        await db.SaveChangesAsync(ct);
        return OperationResult.Success;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
