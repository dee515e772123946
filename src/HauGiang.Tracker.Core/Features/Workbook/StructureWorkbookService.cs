using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Workbook;

/// <summary>A checked workbook: its problems, or, when there are none, what importing it will do.</summary>
public sealed record ImportPreview(IReadOnlyList<ImportProblem> Problems, ImportPlan Plan)
{
    public bool CanImport => Problems.Count == 0;
}

/// <summary>
/// The program's structure as one Excel workbook: export, a blank template, a dry run that lists every
/// problem and changes nothing, and an all-or-nothing import of exactly the plan the administrator saw.
/// </summary>
public sealed class StructureWorkbookService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    /// <summary>Larger files are refused before they are opened.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The program as a workbook to edit and import again: an administrator's tool, like the import.</summary>
    public async Task ExportAsync(Actor actor, Stream output, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageStructure, null, "xuất tệp Excel cấu trúc", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().OrderBy(p => p.Id).FirstAsync(ct);
        var snapshot = await SnapshotBuilder.BuildAsync(db, program, ct);
        using var buffer = new MemoryStream();
        WorkbookExport.Write(buffer, snapshot, program.TermStartYear, program.TermEndYear);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>The blank workbook to fill in for an import.</summary>
    public async Task TemplateAsync(Actor actor, Stream output, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageStructure, null, "tải mẫu tệp Excel cấu trúc", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking().OrderBy(p => p.Id).FirstAsync(ct);
        using var buffer = new MemoryStream();
        WorkbookExport.Write(buffer, null, program.TermStartYear, program.TermEndYear);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>The dry run: every problem by sheet, row and column, or the plan. Writes nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(Actor actor, Stream workbook, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageStructure, null, "kiểm tra tệp Excel", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, preview, _, _) = await CheckAsync(db, workbook, ct);
        return preview;
    }

    /// <summary>
    /// Imports the workbook if it has no problem and would do exactly what <paramref name="confirmedFingerprint"/>
    /// (from the preview the administrator saw) says; otherwise refuses and writes nothing.
    /// </summary>
    public async Task<ImportPreview> ImportAsync(Actor actor, Stream workbook, string fileName, string? confirmedFingerprint, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageStructure, null, fileName, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        db.AuditReason = $"Nhập cấu trúc Chương trình từ tệp {Path.GetFileName(fileName)}";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (book, preview, reference, _) = await CheckAsync(db, workbook, ct);
        if (!preview.CanImport)
        {
            return preview;
        }
        if (confirmedFingerprint is not null && confirmedFingerprint != preview.Plan.Fingerprint)
        {
            return preview with { Problems = [new ImportProblem("", 0, "", "Dữ liệu đã thay đổi kể từ lúc kiểm tra tệp. Hãy kiểm tra lại để xem kế hoạch nhập mới rồi xác nhận.")] };
        }
        if (!preview.Plan.IsEmpty)
        {
            await ImportApplier.ApplyAsync(db, actor, book!, reference!, ct);
        }
        await transaction.CommitAsync(ct);
        return preview;
    }

    private static async Task<(StructureSnapshot? Book, ImportPreview Preview, ReferenceState? Reference, ActionProgram Program)> CheckAsync(TrackerDbContext db, Stream workbook, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().OrderBy(p => p.Id).FirstAsync(ct);
        var empty = new ImportPlan([]);
        if (workbook.CanSeek && workbook.Length > MaxBytes)
        {
            return (null, new ImportPreview([new("", 0, "", $"Tệp quá lớn ({workbook.Length / 1024 / 1024} MB); giới hạn {MaxBytes / 1024 / 1024} MB.")], empty), null, program);
        }
        using var buffer = new MemoryStream();
        if (!await CopyLimitedAsync(workbook, buffer, ct))
        {
            return (null, new ImportPreview([new("", 0, "", $"Tệp quá lớn; giới hạn {MaxBytes / 1024 / 1024} MB.")], empty), null, program);
        }
        buffer.Position = 0;
        IReadOnlyList<RawSheet> raw;
        try
        {
            raw = SheetReader.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            return (null, new ImportPreview([new("", 0, "", ex.Message)], empty), null, program);
        }
        var parser = new WorkbookParser(raw, program.TermStartYear, program.TermEndYear);
        var book = parser.Parse();
        var reference = await ReferenceAsync(db, program, ct);
        var problems = parser.Problems.Concat(ImportValidator.Validate(book, reference).Where(p => !parser.FailedRows.Contains((p.Sheet, p.Row)))).ToList();
        return problems.Count > 0
            ? (book, new ImportPreview(problems, empty), reference, program)
            : (book, new ImportPreview([], ImportPlanner.Plan(book, reference)), reference, program);
    }

    private static async Task<ReferenceState> ReferenceAsync(TrackerDbContext db, ActionProgram program, CancellationToken ct)
    {
        var adjusted = await db.WorkItems.AsNoTracking().Where(i => i.ProgramId == program.Id && i.DeadlineRevisions.Count > 1).Select(i => i.Code).ToListAsync(ct);
        var dropped = await db.WorkItems.AsNoTracking().Where(i => i.ProgramId == program.Id && i.DroppedByAmendmentId != null).Select(i => i.Code).ToListAsync(ct);
        var ends = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.ValidTo, ct);
        return new ReferenceState(await SnapshotBuilder.BuildAsync(db, program, ct), adjusted.ToHashSet(StringComparer.Ordinal), dropped.ToHashSet(StringComparer.Ordinal),
            ends, VietnamClock.Today(db.Clock), program.IssuedOn.Year, program.TermEndYear, program.TermStartYear);
    }

    private static async Task<bool> CopyLimitedAsync(Stream source, Stream target, CancellationToken ct)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(chunk, ct)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                return false;
            }
            await target.WriteAsync(chunk.AsMemory(0, read), ct);
        }
        return true;
    }
}
