using System.Text;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.UnitTests.Reporting;

/// <summary>Evidence is checked by opening it as the kind its name says, not only by its first bytes.</summary>
public class EvidenceContentTests
{
    private static string? Problem(string name, byte[] content) => EvidenceRules.Check(new EvidenceFile(name, null, content)).Problem;

    public static TheoryData<string, string> ValidFiles() => new()
    {
        { "bien-ban.pdf", "application/pdf" },
        { "bao-cao.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "so-lieu.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "anh.png", "image/png" },
        { "anh.jpg", "image/jpeg" },
    };

    private static byte[] Valid(string name) => Path.GetExtension(name) switch
    {
        ".pdf" => SampleFiles.Pdf(),
        ".docx" => SampleFiles.Docx(),
        ".xlsx" => SampleFiles.Xlsx(),
        ".png" => SampleFiles.Png(),
        _ => SampleFiles.Jpeg(),
    };

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void A_real_file_of_each_kind_is_taken(string name, string contentType)
    {
        Assert.Equal((null, contentType), EvidenceRules.Check(new EvidenceFile(name, null, Valid(name))));
    }

    [Fact]
    public void Html_behind_a_pdf_signature_is_refused_with_a_clear_message()
    {
        var html = Encoding.UTF8.GetBytes("%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>");

        Assert.Equal("Tệp “trang.pdf” không mở được như một tệp PDF: tệp bị hỏng, bị cắt dở hoặc là loại tệp khác được đổi tên. Vui lòng chọn đúng tệp gốc.",
            Problem("trang.pdf", html));
    }

    [Fact]
    public void A_zip_without_the_word_parts_is_no_docx()
    {
        Assert.Equal(EvidenceRules.Unreadable("bao-cao.docx"), Problem("bao-cao.docx", SampleFiles.PlainZip()));
        Assert.Equal(EvidenceRules.Unreadable("so-lieu.xlsx"), Problem("so-lieu.xlsx", SampleFiles.PlainZip()));
    }

    [Fact]
    public void A_word_document_named_xlsx_is_refused()
    {
        Assert.Equal(EvidenceRules.Unreadable("so-lieu.xlsx"), Problem("so-lieu.xlsx", SampleFiles.Docx()));
    }

    [Theory]
    [InlineData("anh.png")]
    [InlineData("anh.jpg")]
    public void An_image_cut_off_in_transfer_is_refused(string name)
    {
        var whole = Valid(name);

        Assert.Equal(EvidenceRules.Unreadable(name), Problem(name, whole[..(whole.Length - 3)]));
    }

    [Fact]
    public void A_pdf_cut_in_half_is_refused()
    {
        // A few missing bytes at the end are what PDF readers themselves forgive; half a file is not.
        var whole = SampleFiles.Pdf();

        Assert.Equal(EvidenceRules.Unreadable("bien-ban.pdf"), Problem("bien-ban.pdf", whole[..(whole.Length / 2)]));
    }

    [Fact]
    public void A_png_with_a_damaged_chunk_is_refused()
    {
        var png = SampleFiles.Png();
        png[^20] ^= 0x55; // inside IDAT: its CRC no longer matches

        Assert.Equal(EvidenceRules.Unreadable("anh.png"), Problem("anh.png", png));
    }

    [Fact]
    public void A_jpeg_without_a_scan_is_refused()
    {
        byte[] headerOnly = [0xFF, 0xD8, 0xFF, 0xDB, 0, 67, 0, .. Enumerable.Repeat((byte)1, 64), 0xFF, 0xD9];

        Assert.Equal(EvidenceRules.Unreadable("anh.jpg"), Problem("anh.jpg", headerOnly));
    }
}
