using CsCheck;
using HauGiang.Tracker.Core.Features.Workbook;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.IntegrationTests.Workbook;

/// <summary>
/// Workbooks exported and then damaged at random go through the real preview and the real import, with the
/// plan fingerprint the preview gave: a refused one must leave every table as it was; an accepted one is
/// applied (in its own copy of the database, so the cases stay independent) and what is stored, exported
/// again, must say exactly what the workbook said.
/// </summary>
public class WorkbookDamageProperties(DatabaseTemplates templates) : ServiceFixture(templates)
{
    // A case costs a few of the old import-and-refuse cases (a sixth are applied, each in a database copy of its
    // own): measured side by side, 1,000 cases take less time than the 10,000 refusals this replaced.
    public const int Iterations = 1_000;
    private readonly DatabaseTemplates _templates = templates;
    private byte[] _exported = [];
    private WorkbookContent _content = null!;
    private StructureSnapshot _before = null!;
    private SortedDictionary<string, string> _stored = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _exported = await ExportAsync(Get<StructureWorkbookService>());
        await using var db = Database.NewContext();
        var program = await db.Programs.AsNoTracking().OrderBy(p => p.Id).FirstAsync(Ct);
        _content = new WorkbookContent(program.TermStartYear, program.TermEndYear);
        _before = _content.Parse(_exported);
        _stored = _content.Rows(_before);
    }

    [Fact]
    public async Task A_damaged_workbook_is_refused_without_a_write_or_stored_exactly_as_it_reads()
    {
        var unchanged = await FingerprintAsync();
        var workbooks = Get<StructureWorkbookService>();
        int ran = 0, refused = 0, nothingToDo = 0, applied = 0;

        await WorkbookDamage.Damages.SampleAsync(async damages =>
        {
            Interlocked.Increment(ref ran);
            var bytes = WorkbookDamage.Apply(_exported, damages);
            var preview = await PreviewAsync(workbooks, bytes);
            if (!preview.CanImport)
            {
                Assert.All(preview.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
                // The import checks again on its own: given the preview's fingerprint it must still refuse, for the same reasons.
                var refusal = await ImportAsync(workbooks, bytes, preview.Plan.Fingerprint);
                Assert.Equal(preview.Problems, refusal.Problems);
                Assert.Equal(unchanged, await FingerprintAsync());
                Interlocked.Increment(ref refused);
                return;
            }
            var book = _content.Parse(bytes);
            if (preview.Plan.IsEmpty)
            {
                // Damage the import ignores (the guide sheet, an unchanged row …): confirming it writes nothing at all.
                Assert.True((await ImportAsync(workbooks, bytes, preview.Plan.Fingerprint)).CanImport);
                Assert.Equal(unchanged, await FingerprintAsync());
                // Nothing was written, so the export taken at the start still shows what is stored.
                AssertSays(book, _stored);
                Interlocked.Increment(ref nothingToDo);
                return;
            }
            await using var copy = await _templates.CreateAsync();
            await using var services = TestServices.Build(copy);
            var target = services.GetRequiredService<StructureWorkbookService>();
            var import = await ImportAsync(target, bytes, preview.Plan.Fingerprint);
            Assert.True(import.CanImport, string.Join("\n", import.Problems));
            Assert.Equal(preview.Plan.Lines, import.Plan.Lines);
            await AssertStoredAsync(target, book);
            Interlocked.Increment(ref applied);
        }, iter: Iterations, threads: 2, print: WorkbookDamage.Describe);

        var tally = $"{ran} workbooks: {refused} refused, {applied} applied, {nothingToDo} accepted with nothing to change";
        TestContext.Current.SendDiagnosticMessage(tally);
        Assert.Equal(Iterations, ran);
        Assert.Equal(Iterations, refused + applied + nothingToDo);
        // Both outcomes must be common, or the generator has stopped testing one of them.
        Assert.True(refused >= Iterations / 4, $"only {refused} of {Iterations} damaged workbooks were refused ({tally})");
        Assert.True(applied >= Iterations / 16, $"only {applied} of {Iterations} damaged workbooks changed the program ({tally})");
    }

    /// <summary>What the database holds now, exported and read again, is what the workbook says, and stays so.</summary>
    private async Task AssertStoredAsync(StructureWorkbookService target, StructureSnapshot book)
    {
        var export = await ExportAsync(target);
        var stored = _content.Rows(_content.Parse(export));
        AssertSays(book, stored);

        Assert.Equal(stored, _content.Rows(_content.Parse(await ExportAsync(target))));
        // The stored state reads back as itself: its own export is accepted and would change nothing.
        var again = await PreviewAsync(target, export);
        Assert.Empty(again.Problems);
        Assert.Empty(again.Plan.Lines);
    }

    private void AssertSays(StructureSnapshot book, SortedDictionary<string, string> stored)
    {
        var differences = WorkbookContent.Differences(_content.Rows(WorkbookContent.Expected(_before, book)), stored);
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    private static async Task<byte[]> ExportAsync(StructureWorkbookService workbooks)
    {
        using var stream = new MemoryStream();
        await workbooks.ExportAsync(Admin, stream, Ct);
        return stream.ToArray();
    }

    private static async Task<ImportPreview> PreviewAsync(StructureWorkbookService workbooks, byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return await workbooks.PreviewAsync(Admin, stream, Ct);
    }

    private static async Task<ImportPreview> ImportAsync(StructureWorkbookService workbooks, byte[] workbook, string fingerprint)
    {
        using var stream = new MemoryStream(workbook);
        return await workbooks.ImportAsync(Admin, stream, "hong.xlsx", fingerprint, Ct);
    }
}
