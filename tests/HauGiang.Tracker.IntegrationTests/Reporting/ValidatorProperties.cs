using CsCheck;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Indicators;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Core.Features.Periods;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.IntegrationTests.Documents;
using HauGiang.Tracker.IntegrationTests.Explanations;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Reporting;

/// <summary>
/// Ten thousand generated inputs go through each write of progress reporting, on its real service and
/// database, as the person allowed to make it: nothing may throw, every refusal must say why in words,
/// and a refused input must commit no row change to any table (a trigger on every table counts them). Accepted inputs are fine (and move the
/// state on, so later inputs meet drafts, returned reports, issued documents, adjusted deadlines).
/// Each validator is its own class so they run side by side, each on its own database.
/// </summary>
public abstract class ValidatorProperties(DatabaseTemplates templates) : ServiceFixture(templates)
{
    public const int Iterations = 10_000;

    /// <summary>Text a person (or a crafted request) may send: empty, blank, ordinary, decomposed diacritics, control characters, over every limit.</summary>
    protected static readonly Gen<string?> Text = Gen.OneOf(
        Gen.OneOf<string?>(null, "", "   ", "Đã hoàn thành dự thảo.", "Hoa\u0300n tha\u0300nh", "có\0ký tự rỗng", "dòng 1\r\ndòng 2\t",
            "<script>alert(1)</script>", "'; DROP TABLE progress_reports; --", "=HYPERLINK(\"x\")",
            new string('ệ', 301), new string('a', 4001), new string('ư', 20_001)),
        Gen.String[Gen.Char["aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ0123456789 .,;/-"], 0, 40].Select(s => (string?)s));

    /// <summary>Days around the program, the open period (15/09–14/12/2026) and "today" (27/11/2026).</summary>
    protected static readonly Gen<DateOnly?> Day = Gen.OneOf(
        Gen.OneOf<DateOnly?>(null, new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 28), new DateOnly(2026, 9, 14), new DateOnly(2026, 9, 15),
            new DateOnly(2026, 12, 14), new DateOnly(2021, 1, 1), DateOnly.MinValue, DateOnly.MaxValue),
        Gen.Int[new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2028, 12, 31).DayNumber].Select(d => (DateOnly?)DateOnly.FromDayNumber(d)));

    /// <summary>
    /// Runs <paramref name="call"/> on every generated input, one after another (an accepted input changes
    /// what the next one meets). Returns how many were refused and accepted.
    /// </summary>
    protected async Task<(int Refused, int Accepted)> CheckAsync<T>(Gen<T> inputs, Func<T, Task<OperationResult>> call, Func<T, Task>? afterAccepted = null)
    {
        await WriteCounter.InstallAsync(Database, Ct);
        var writes = await WriteCounter.ReadAsync(Database, Ct);
        var refused = 0;
        var accepted = 0;
        var changed = 0;
        await inputs.SampleAsync(async input =>
        {
            var result = await call(input);
            var now = await WriteCounter.ReadAsync(Database, Ct);
            if (result.Succeeded)
            {
                accepted++;
                // Saving what is already there is accepted and writes nothing; anything else shows in the counter.
                changed += now > writes ? 1 : 0;
                if (afterAccepted is not null)
                {
                    await afterAccepted(input);
                }
                writes = await WriteCounter.ReadAsync(Database, Ct);
                return;
            }
            refused++;
            Assert.All(result.Errors.Values, m => Assert.False(string.IsNullOrWhiteSpace(m)));
            Assert.Equal(writes, now);
        }, iter: Iterations, threads: 1, print: input => input?.ToString() is { Length: > 300 } s ? s[..300] + "…" : input?.ToString() ?? "null");
        Assert.True(accepted == 0 || changed > 0, "the write counter saw none of the accepted inputs");
        TestContext.Current.SendDiagnosticMessage($"{GetType().Name}: {refused} refused, {accepted} accepted ({changed} changed something) of {Iterations}.");
        return (refused, accepted);
    }

    /// <summary>Quý I/2027, planned: generated from the 15th→14th rule, not opened yet.</summary>
    protected async Task<int> PlannedPeriodAsync()
    {
        var (generated, _) = await Get<PeriodAdministration>().GenerateYearAsync(Admin, 2027, Ct);
        Assert.True(generated.Succeeded);
        return (await PeriodAsync("Quý I/2027")).Id;
    }

    protected async Task<uint> ItemVersionAsync(int itemId)
    {
        await using var db = Database.NewContext();
        return await db.WorkItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync(Ct);
    }
}

public class ReportValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    public sealed record Attempt(int Item, int Period, int Percent, string? Results, string? Obstacles, string? Proposals, string? NextSteps, DateOnly? AchievedOn, bool Submit, bool Stale);

    [Fact]
    public async Task No_report_input_throws_and_a_refused_one_writes_nothing()
    {
        var staff = Staff("SGDDT");
        // Items the unit leads or coordinates (a contribution), and an id that does not exist.
        int[] items = [await ItemIdAsync("NV-04"), await ItemIdAsync("NV-01"), await ItemIdAsync("VB-05"), -1];
        int[] periods = [(await PeriodAsync("Quý IV/2026")).Id, (await PeriodAsync("Quý III/2026")).Id, await PlannedPeriodAsync(), int.MaxValue];
        var attempts = Gen.Select(Gen.Int[0, items.Length - 1], Gen.Frequency((6, Gen.Const(0)), (1, Gen.Int[1, periods.Length - 1])),
            Gen.Frequency((4, Gen.Int[0, 100]), (1, Gen.Int[int.MinValue, int.MaxValue]), (1, Gen.OneOf(-1, 101, 100, 0))),
            Gen.Select(Text, Text, Text, Text), Day, Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true))), Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true))),
            (item, period, percent, texts, achieved, submit, stale) =>
                new Attempt(items[item], periods[period], percent, texts.Item1, texts.Item2, texts.Item3, texts.Item4, achieved, submit, stale));

        var reports = Get<ProgressReportService>();
        var (refused, accepted) = await CheckAsync(attempts, async a =>
        {
            var form = await reports.OpenAsync(staff, a.Item, a.Period, Ct);
            var head = form?.Report;
            var version = head is null ? (uint?)null : a.Stale ? head.Version + 1 : head.Version;
            var input = new ReportInput(a.Item, a.Period, a.Percent, a.Results, a.Obstacles, a.Proposals, a.NextSteps, a.AchievedOn);
            return (await reports.SaveAsync(staff, input, version, head?.Input, a.Submit, Ct)).Result;
        }, async a =>
        {
            if (a.Submit)
            {
                // Hand the submitted report back so the unit can keep editing it.
                var head = (await reports.OpenAsync(staff, a.Item, a.Period, Ct))!.Report!;
                Assert.True((await Get<ReviewService>().ReviewAsync(Office, head.Id, head.Version, confirm: false, "Trả lại để thử tiếp.", Ct)).Succeeded);
            }
        });

        Assert.True(refused > Iterations / 2, $"only {refused} refused");
        Assert.True(accepted > 100, $"only {accepted} accepted");
    }
}

public class EvidenceValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    private static readonly byte[] Oversize = CreateOversize();

    public sealed record Attempt(string Name, int ContentKind, int Length, string? Description)
    {
        public override string ToString() => $"{Name} kind={ContentKind} length={Length} description={Description?.Length}";
    }

    private static byte[] CreateOversize()
    {
        var bytes = new byte[EvidenceRules.MaxBytes + 1];
        "%PDF-1.7"u8.CopyTo(bytes);
        return bytes;
    }

    private static byte[] Content(int kind, int length) => kind switch
    {
        0 => [],
        1 => [.. "%PDF-1.7\n"u8, .. new byte[length]],
        2 => [0x50, 0x4B, 0x03, 0x04, .. new byte[length]],
        3 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[length]],
        4 => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[length]],
        5 => [0xFF, 0xD8, 0xFF, .. new byte[length]],
        6 => [0x4D, 0x5A, .. new byte[length]], // an executable
        7 => Oversize,
        _ => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31))],
    };

    [Fact]
    public async Task No_evidence_file_throws_and_a_refused_one_writes_nothing()
    {
        var staff = Staff("SGDDT");
        var item = await ItemIdAsync("NV-04");
        var period = (await PeriodAsync("Quý IV/2026")).Id;
        var reports = Get<ProgressReportService>();
        var (saved, reportId) = await reports.SaveAsync(staff, new ReportInput(item, period, 40, "Đang thực hiện.", null, null, null, null), null, null, false, Ct);
        Assert.True(saved.Succeeded);

        var names = Gen.OneOf(Gen.OneOf("bao-cao.pdf", "Kế hoạch.DOCX", "so lieu.xlsx", "cu.doc", "cu.xls", "anh.png", "anh.JPG", "anh.jpeg",
                "virus.exe", "khong-duoi", "", "   ", ".pdf", "../../etc/passwd.pdf", "a\0b.pdf", "C:\\Users\\cb\\bao-cao.pdf", new string('x', 300) + ".pdf"),
            Gen.String[Gen.Char["abcđêơư .-"], 0, 20].Select(Gen.OneOf(".pdf", ".docx", ".png", ".txt", ""), (s, ext) => s + ext));
        var attempts = Gen.Select(names, Gen.Frequency((8, Gen.Int[0, 6]), (1, Gen.Const(7)), (1, Gen.Const(8))), Gen.Int[0, 256], Text, (n, k, l, d) => new Attempt(n, k, l, d));

        var (refused, accepted) = await CheckAsync(attempts,
            a => reports.AddFileAsync(staff, reportId!.Value, new EvidenceFile(a.Name, "application/octet-stream", Content(a.ContentKind, a.Length)), a.Description, Ct));

        Assert.True(refused > Iterations / 2, $"only {refused} refused");
        Assert.True(accepted > 100, $"only {accepted} accepted");
        await using var db = Database.NewContext();
        // Every kept file has its size, type and the hash of exactly the bytes stored.
        var kept = await db.Evidence.Where(e => e.ReportId == reportId && e.Kind == EvidenceKind.File).Select(e => new { e.SizeBytes, e.Sha256, e.ContentType, e.StoredFile!.Content }).Take(50).ToListAsync(Ct);
        Assert.All(kept, e => Assert.Equal((e.Content.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(e.Content))), (e.SizeBytes!.Value, e.Sha256)));
    }
}

public class IssuanceValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    public sealed record Attempt(string? Number, DateOnly? IssuedOn, string? Authority, string? Abstract, string? Signer, int File, bool Stale);

    [Fact]
    public async Task No_issuance_throws_and_a_refused_one_writes_nothing()
    {
        var staff = Staff("TU-BTC");
        var document = await ItemIdAsync("VB-01");
        var documents = Get<DocumentService>();
        EvidenceFile?[] files = [null, new("quyet-dinh.pdf", null, [.. "%PDF-1.4 quyết định"u8]), new("quyet-dinh.pdf", null, [1, 2, 3]), new("a.exe", null, [0x4D, 0x5A]), new("rong.pdf", null, [])];
        var attempts = Gen.Select(Gen.OneOf(Text, Gen.OneOf<string?>("15-KH/TU", "07-QĐ/TU", new string('9', 65))), Day, Text, Text, Text, Gen.Int[0, files.Length - 1],
            Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true))), (n, d, a, ab, s, f, stale) => new Attempt(n, d, a, ab, s, f, stale));

        var (refused, accepted) = await CheckAsync(attempts, async a =>
        {
            var version = await ItemVersionAsync(document) + (a.Stale ? 1u : 0u);
            return (await documents.RecordIssuanceAsync(staff, document, version, new IssuanceInput(a.Number!, a.IssuedOn, a.Authority, a.Abstract, a.Signer, files[a.File]), Ct)).Result;
        });

        Assert.True(refused > Iterations / 2, $"only {refused} refused");
        Assert.True(accepted > 50, $"only {accepted} accepted");
    }
}

public class DeadlineValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    public sealed record Attempt(int Item, string? Deadline, string? Basis, DateOnly? BasisDate, string? Note, bool Stale);

    [Fact]
    public async Task No_deadline_adjustment_throws_and_a_refused_one_writes_nothing()
    {
        int[] items = [await ItemIdAsync("NV-03"), await ItemIdAsync("VB-02"), -1];
        var deadlines = Gen.OneOf(Text, Gen.OneOf<string?>("Năm 2027", "Quý II/2027", "Quý V/2027", "31/12/2027", "31/02/2027", "Thường xuyên", "Hằng năm",
            "6 tháng đầu năm 2027", "Năm 1999", "Năm 2100", "2027", "năm   2028"));
        var attempts = Gen.Select(Gen.Int[0, items.Length - 1], deadlines, Gen.OneOf(Text, Gen.OneOf<string?>("12/QĐ-UBND", new string('1', 65))), Day, Text,
            Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true))), (i, d, b, bd, n, s) => new Attempt(items[i], d, b, bd, n, s));

        var adjust = Get<DeadlineAdjustmentService>();
        var (refused, accepted) = await CheckAsync(attempts, async a =>
        {
            var version = a.Item < 0 ? 0 : await ItemVersionAsync(a.Item) + (a.Stale ? 1u : 0u);
            return await adjust.AdjustAsync(Office, a.Item, version, new DeadlineAdjustmentInput(a.Deadline!, a.Basis!, a.BasisDate, a.Note), Ct);
        });

        Assert.True(refused > Iterations / 2, $"only {refused} refused");
        Assert.True(accepted > 20, $"only {accepted} accepted");
    }
}

public class ExplanationValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    public sealed record Attempt(bool Ask, int Item, string? Text, DateOnly? DueOn, bool Stale);

    [Fact]
    public async Task No_explanation_request_or_answer_throws_and_a_refused_one_writes_nothing()
    {
        int[] items = [await ItemIdAsync("NV-03"), -1];
        var explanations = Get<ExplanationService>();
        var staff = Staff("TU-BTC");
        var attempts = Gen.Select(Gen.Bool, Gen.Int[0, items.Length - 1], Text, Day, Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true))),
            (ask, i, t, d, s) => new Attempt(ask, items[i], t, d, s));

        var (refused, accepted) = await CheckAsync(attempts, async a =>
        {
            if (a.Ask)
            {
                return await explanations.RequestAsync(Leader, a.Item, a.Text!, a.DueOn, Ct);
            }
            var open = (await explanations.OpenForUnitsAsync(new HashSet<int> { Units["TU-BTC"] }, Ct)).FirstOrDefault();
            return open is null
                ? await explanations.AnswerAsync(staff, -1, 0, a.Text!, Ct)
                : await explanations.AnswerAsync(staff, open.Id, open.Version + (a.Stale ? 1u : 0u), a.Text!, Ct);
        });

        Assert.True(refused > Iterations / 2, $"only {refused} refused");
        Assert.True(accepted > 100, $"only {accepted} accepted");
    }
}

public class IndicatorValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    public sealed record Attempt(int Period, decimal? Value, string? Source, int Version);

    [Fact]
    public async Task No_indicator_value_throws_and_a_refused_one_writes_nothing()
    {
        var values = Get<IndicatorValueService>();
        var indicator = (await values.ListAsync(Ct)).Single(i => i.Code == "CT-M01");
        int[] periods = [(await PeriodAsync("Quý IV/2026")).Id, (await PeriodAsync("Quý III/2026")).Id, await PlannedPeriodAsync(), -1];
        var numbers = Gen.OneOf(Gen.OneOf<decimal?>(null, 0m, -0.5m, 68.5m, 100m, 1_000_000_000_001m, -1_000_000_000_001m, decimal.MaxValue, decimal.MinValue, 0.00001m),
            Gen.Decimal.Select(d => (decimal?)d));
        // 0: as opened, 1: none though a value exists (or the reverse), 2: stale.
        var attempts = Gen.Select(Gen.Frequency((6, Gen.Const(0)), (1, Gen.Int[1, periods.Length - 1])), numbers, Text, Gen.Frequency((8, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2))),
            (p, v, s, version) => new Attempt(periods[p], v, s, version));

        var (refused, accepted) = await CheckAsync(attempts, async a =>
        {
            var existing = (await values.ListAsync(Ct)).Single(i => i.Id == indicator.Id).Values.SingleOrDefault(v => v.PeriodId == a.Period);
            uint? version = a.Version switch
            {
                0 => existing?.Version,
                1 => existing is null ? 1u : null,
                _ => (existing?.Version ?? 0) + 1,
            };
            return await values.RecordAsync(Staff("SLDTBXH"), indicator.Id, a.Period, a.Value, a.Source, version, Ct);
        });

        Assert.True(refused > Iterations / 2, $"only {refused} refused");
        Assert.True(accepted > 100, $"only {accepted} accepted");
    }
}

public class PeriodWindowValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    public sealed record Attempt(string Period, DateOnly? StartsOn, DateOnly? EndsOn, bool Stale);

    [Fact]
    public async Task No_period_window_throws_and_a_refused_one_writes_nothing()
    {
        var periods = Get<PeriodAdministration>();
        await PlannedPeriodAsync();
        var attempts = Gen.Select(Gen.OneOf("Quý IV/2026", "Quý I/2027", "Quý III/2026"), Day, Day, Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true))),
            (p, s, e, stale) => new Attempt(p, s, e, stale));

        var (refused, accepted) = await CheckAsync(attempts, async a =>
        {
            var period = await PeriodAsync(a.Period);
            return await periods.AdjustWindowAsync(Admin, period.Id, period.Version + (a.Stale ? 1u : 0u), a.StartsOn ?? DateOnly.MinValue, a.EndsOn ?? DateOnly.MaxValue, Ct);
        });

        Assert.True(refused > Iterations / 2, $"only {refused} refused");
        Assert.True(accepted > 20, $"only {accepted} accepted");
    }
}
