using DocumentFormat.OpenXml.Packaging;
using StbImageSharp;
using UglyToad.PdfPig;

namespace HauGiang.Tracker.Core.Features.Reporting;

/// <summary>
/// Whether a file's bytes open as the kind its name says, by parsing them: the first bytes alone let through
/// HTML (or anything) behind "%PDF-", and a zip with no Word parts behind "PK".
/// </summary>
internal static class EvidenceContent
{
    /// <summary>Pictures larger than this are refused rather than decoded (a few bytes can claim a huge picture).</summary>
    private const long MaxPixels = 60_000_000;

    private static readonly OpenSettings ReadOnly = new() { MaxCharactersInPart = 100_000_000 };

    public static bool Opens(string extension, byte[] content)
    {
        try
        {
            return extension.ToUpperInvariant() switch
            {
                ".PDF" => IsPdf(content),
                ".DOCX" => IsWord(content),
                ".XLSX" => IsExcel(content),
                ".PNG" => ImageStructure.IsWholePng(content) && Decodes(content),
                ".JPG" or ".JPEG" => ImageStructure.IsWholeJpeg(content) && Decodes(content),
                _ => true, // .doc, .xls: the old binary formats are taken on their signature
            };
        }
#pragma warning disable CA1031 // a parser may fail in any way on hostile bytes; every failure means "does not open"
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static bool IsPdf(byte[] content)
    {
        using var pdf = PdfDocument.Open(content);
        return pdf.NumberOfPages > 0 && pdf.GetPage(1) is not null;
    }

    private static bool IsWord(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var word = WordprocessingDocument.Open(stream, false, ReadOnly);
        return word.MainDocumentPart?.Document?.Body is not null;
    }

    private static bool IsExcel(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        using var excel = SpreadsheetDocument.Open(stream, false, ReadOnly);
        return excel.WorkbookPart?.Workbook?.Sheets is not null;
    }

    private static bool Decodes(byte[] content)
    {
        using (var header = new MemoryStream(content, writable: false))
        {
            if (ImageInfo.FromStream(header) is not { } info || info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxPixels)
            {
                return false;
            }
        }
        var image = ImageResult.FromMemory(content, ColorComponents.Grey);
        return image.Data is { Length: > 0 };
    }
}
