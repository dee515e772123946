using System.Security.Cryptography;
using System.Text;
using CsCheck;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Reporting;

public class EvidenceValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    private static readonly byte[] Oversize = CreateOversize();

    /// <summary>Per content kind: the signature its bytes start with, and the kind they open as (null: none the rules take).</summary>
    private static readonly (string? Signature, string? Opens)[] KindType =
        [("", null), ("pdf", "pdf"), ("zip", "docx"), ("ole", "ole"), ("png", "png"), ("jpeg", "jpeg"), ("exe", null), ("pdf", null), (null, null), ("pdf", null), ("zip", null)];

    private static readonly Dictionary<string, (string Signature, string Opens, string ContentType)> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("pdf", "pdf", "application/pdf"),
        [".docx"] = ("zip", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = ("zip", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".doc"] = ("ole", "ole", "application/msword"),
        [".xls"] = ("ole", "ole", "application/vnd.ms-excel"),
        [".png"] = ("png", "png", "image/png"),
        [".jpg"] = ("jpeg", "jpeg", "image/jpeg"),
        [".jpeg"] = ("jpeg", "jpeg", "image/jpeg"),
    };

    // Made once: a zip records the time it was written, and a stored file is compared with the bytes sent.
    private static readonly byte[] Word = SampleFiles.Docx(), Zip = SampleFiles.PlainZip();

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
        1 => SampleFiles.Pdf(new string('a', length)),
        2 => Word,
        3 => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[length]], // the old formats are taken on their signature
        4 => SampleFiles.Png((byte)length),
        5 => SampleFiles.Jpeg(),
        6 => [0x4D, 0x5A, .. new byte[length]], // an executable
        7 => Oversize,
        9 => [.. "%PDF-1.7\n<html><body>"u8, .. new byte[length]], // a page behind a PDF signature
        10 => Zip,
        _ => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31))],
    };

    /// <summary>The rules in the order the service checks a file: the first one broken is the message.</summary>
    private static string? Problem(Attempt a)
    {
        var name = a.Name.Normalize(NormalizationForm.FormC).Trim();
        var extension = Path.GetExtension(name);
        var length = Content(a.ContentKind, a.Length).LongLength;
        return name.Length == 0 ? "Tệp minh chứng không có tên."
            : name.Length > EvidenceRules.MaxNameLength ? $"Tên tệp không quá {EvidenceRules.MaxNameLength} ký tự."
            : !Extensions.TryGetValue(extension, out var kind) ? $"Không nhận loại tệp “{extension}”."
            : length == 0 ? "Tệp rỗng, không có nội dung."
            : length > EvidenceRules.MaxBytes ? "Tệp nặng 20 MB, quá giới hạn 20 MB."
            : KindType[a.ContentKind].Signature != kind.Signature ? $"Nội dung tệp “{name}” không phải {extension.TrimStart('.').ToUpperInvariant()} như tên tệp."
            : KindType[a.ContentKind].Opens != kind.Opens ? EvidenceRules.Unreadable(name)
            : Longer(a.Description, 500) ? "Mô tả minh chứng không quá 500 ký tự."
            : null;
    }

    [Fact]
    public async Task Each_evidence_file_is_refused_for_the_first_rule_it_breaks_and_an_accepted_one_is_stored_as_sent()
    {
        var staff = Staff("CT-SGDDT");
        var item = await ItemIdAsync("NV-04");
        var period = (await PeriodAsync("Quý IV/2026")).Id;
        var reports = Get<ProgressReportService>();
        var evidence = Get<EvidenceService>();
        var (saved, reportId) = await reports.SaveAsync(staff, new ReportInput(item, period, 40, "Đang thực hiện.", null, null, null, null), null, null, false, Ct);
        Assert.True(saved.Succeeded);

        var names = Gen.OneOf(Gen.OneOf("bao-cao.pdf", "Kế hoạch.DOCX", "so lieu.xlsx", "cu.doc", "cu.xls", "anh.png", "anh.JPG", "anh.jpeg", " ba\u0301o ca\u0301o.pdf ",
                "virus.exe", "khong-duoi", "", "   ", ".pdf", "../../etc/passwd.pdf", "a\0b.pdf", new string('x', 196) + ".pdf", new string('x', 197) + ".pdf"),
            Gen.String[Gen.Char["abcđêơư .-"], 0, 20].Select(Gen.OneOf(".pdf", ".docx", ".png", ".txt", ""), (s, ext) => s + ext));
        var attempts = Gen.Select(names, Gen.Frequency((8, Gen.Int[0, 6]), (1, Gen.Const(7)), (1, Gen.Const(8)), (2, Gen.Int[9, 10])), Gen.Int[0, 256], TextUpTo(500), (n, k, l, d) => new Attempt(n, k, l, d));

        var tally = await CheckAsync(attempts,
            a => Task.FromResult(Problem(a) is { } problem ? Expectation.Only("Evidence", problem) : new Expectation()),
            a => evidence.AddFileAsync(staff, reportId!.Value, new EvidenceFile(a.Name, "application/octet-stream", Content(a.ContentKind, a.Length)), a.Description, Ct),
            async a =>
            {
                await using var db = Database.NewContext();
                var kept = await db.Evidence.AsNoTracking().Include(e => e.StoredFile).Where(e => e.ReportId == reportId).OrderByDescending(e => e.Id).FirstAsync(Ct);
                var content = Content(a.ContentKind, a.Length);
                // The name without any folder, composed (NFC) and trimmed; the bytes exactly as sent, with their size and hash.
                var name = Path.GetFileName(a.Name.Normalize(NormalizationForm.FormC).Trim()).Replace("\0", "", StringComparison.Ordinal);
                Assert.Equal((EvidenceKind.File, name, Extensions[Path.GetExtension(name)].ContentType, content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)), Stored(a.Description, nfc: true)),
                    (kept.Kind, kept.FileName, kept.ContentType, kept.SizeBytes!.Value, kept.Sha256, kept.Description));
                Assert.Equal(content, kept.StoredFile!.Content);
            });

        AssertCoverage(tally, 300, "Evidence");
    }
}
