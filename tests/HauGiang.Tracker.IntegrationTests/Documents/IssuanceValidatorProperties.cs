using System.Text.RegularExpressions;
using CsCheck;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Documents;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.IntegrationTests.Reporting;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Documents;

public class IssuanceValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    public sealed record Attempt(string? Number, DateOnly? IssuedOn, string? Authority, string? Abstract, string? Signer, int File, bool Stale)
    {
        public override string ToString() => $"number={Number} issued={IssuedOn} authority={Authority?.Length} abstract={Abstract?.Length} signer={Signer?.Length} file={File} stale={Stale}";
    }

    /// <summary>No file, a real PDF, a PDF name on other bytes, an executable, an empty file; with the message each bad one must give.</summary>
    private static readonly (EvidenceFile? File, string? Problem)[] Files =
    [
        (null, null), (new("quyet-dinh.pdf", null, SampleFiles.Pdf("quyet dinh")), null),
        (new("quyet-dinh.pdf", null, [.. "%PDF-1.4 quyết định"u8]), EvidenceRules.Unreadable("quyet-dinh.pdf")),
        (new("quyet-dinh.pdf", null, [1, 2, 3]), "Nội dung tệp “quyet-dinh.pdf” không phải PDF như tên tệp."),
        (new("a.exe", null, [0x4D, 0x5A]), "Không nhận loại tệp “.exe”."), (new("rong.pdf", null, []), "Tệp rỗng, không có nội dung."),
    ];

    /// <summary>The two forms as the rule states them (number/type-body for a state body, number-type/body for a Party body), written out apart from the parser.</summary>
    private static bool InIssuerForm(string? number) => number?.Trim() is { } n &&
        (Regex.IsMatch(n, @"^\d{1,6}-\p{L}+/(TU|TƯ|TW|HU|ThU|QU|ĐU|ĐUK|\p{L}+(TU|TƯ|TW))$") ||
         (Regex.IsMatch(n, @"^\d{1,6}/((19|20)\d\d/)?\p{L}+-\p{L}+(-\p{L}+)*$") && !Regex.IsMatch(n, "(TU|TƯ|TW)$")));

    [Fact]
    public async Task Each_issuance_is_refused_for_exactly_the_rules_it_breaks_and_an_accepted_one_is_stored_as_sent()
    {
        var staff = Staff("CT-TU");
        var document = await ItemIdAsync("VB-01");
        var documents = Get<DocumentService>();
        DateOnly programIssued;
        await using (var db = Database.NewContext())
        {
            programIssued = await db.Programs.Select(p => p.IssuedOn).SingleAsync(Ct);
        }
        var attempts = Gen.Select(Gen.OneOf(TextUpTo(64), Gen.OneOf<string?>("15-KH/TU", " 07-QĐ/TU ", " 16/KH-UBND", "15/2022/NQ-HĐND", "16-KH-UBND", "05/CT/TU")), Day, TextUpTo(300), TextUpTo(4000), TextUpTo(300),
            Gen.Int[0, Files.Length - 1], Rarely, (n, d, a, ab, s, f, stale) => new Attempt(n, d, a, ab, s, f, stale));

        RequiredDocument before = null!;
        async Task<Expectation> Expect(Attempt a)
        {
            await using var db = Database.NewContext();
            before = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == document, Ct);
            return new Expectation()
                .Rule(Blank(a.Number), nameof(IssuanceInput.NumberSymbol), "Nhập số, ký hiệu văn bản (cơ quan nhà nước: 16/KH-UBND")
                .Rule(Longer(a.Number, 64), nameof(IssuanceInput.NumberSymbol), "Số, ký hiệu không quá 64 ký tự.")
                .Rule(!Blank(a.Number) && !Longer(a.Number, 64) && !InIssuerForm(a.Number), nameof(IssuanceInput.NumberSymbol), "không đúng thể thức")
                .Rule(a.IssuedOn is null, nameof(IssuanceInput.IssuedOn), "Nhập ngày ban hành.")
                .Rule(a.IssuedOn > Today, nameof(IssuanceInput.IssuedOn), "Ngày ban hành không được sau hôm nay.")
                .Rule(a.IssuedOn < programIssued, nameof(IssuanceInput.IssuedOn), "Ngày ban hành không được trước ngày ban hành Chương trình (")
                .Rule(Longer(a.Authority, 300), nameof(IssuanceInput.IssuingAuthority), "Cấp ban hành không quá 300 ký tự.")
                .Rule(Blank(a.Abstract), nameof(IssuanceInput.Abstract), "Nhập trích yếu văn bản.")
                .Rule(Longer(a.Abstract, 4000), nameof(IssuanceInput.Abstract), "Trích yếu không quá 4000 ký tự.")
                .Rule(Longer(a.Signer, 300), nameof(IssuanceInput.Signer), "Người ký không quá 300 ký tự.")
                .Rule(Files[a.File].Problem is not null, nameof(IssuanceInput.File), Files[a.File].Problem ?? "")
                .Rule(a.Stale, "", "Văn bản vừa được người khác cập nhật; tải lại để xem.");
        }

        var tally = await CheckAsync(attempts, Expect, async a =>
        {
            var input = new IssuanceInput(a.Number!, a.IssuedOn, a.Authority, a.Abstract, a.Signer, Files[a.File].File);
            return (await documents.RecordIssuanceAsync(staff, document, before.Version + (a.Stale ? 1u : 0u), input, Ct)).Result;
        }, async a =>
        {
            await using var db = Database.NewContext();
            var saved = await db.Documents.AsNoTracking().Include(d => d.IssuedFile).SingleAsync(d => d.Id == document, Ct);
            // Texts trimmed; a blank authority keeps the one on record; a file replaces the one on record, none keeps it.
            Assert.Equal((DocumentStage.Issued, Stored(a.Number), a.IssuedOn, Stored(a.Authority) ?? before.IssuingAuthority, Stored(a.Abstract), Stored(a.Signer)),
                (saved.Stage, saved.NumberSymbol, saved.IssuedOn, saved.IssuingAuthority, saved.Abstract, saved.Signer));
            var file = Files[a.File].File;
            Assert.Equal(file?.FileName ?? before.IssuedFileName, saved.IssuedFileName);
            Assert.Equal(file?.Content ?? saved.IssuedFile?.Content, saved.IssuedFile?.Content);
            Assert.Equal(file is null ? before.IssuedFileId : saved.IssuedFileId, saved.IssuedFileId);
        });

        AssertCoverage(tally, 300, "", nameof(IssuanceInput.NumberSymbol), nameof(IssuanceInput.IssuedOn), nameof(IssuanceInput.IssuingAuthority),
            nameof(IssuanceInput.Abstract), nameof(IssuanceInput.Signer), nameof(IssuanceInput.File));
    }
}
