using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace HauGiang.Tracker.Testing;

/// <summary>
/// Small but real files of each kind evidence accepts, made in the test so no binary sits in the tree. Also
/// compiled into the unit tests (linked), so it uses nothing but Core's packages.
/// </summary>
public static class SampleFiles
{
    /// <summary>A one-page PDF with a correct cross-reference table; <paramref name="text"/> makes files differ.</summary>
    public static byte[] Pdf(string text = "Bien ban")
    {
        var stream = $"BT /F1 12 Tf 20 100 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    public static byte[] Docx(string text = "Biên bản nghiệm thu")
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            word.AddMainDocumentPart().Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text)))));
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx(string text = "Số liệu")
    {
        using var stream = new MemoryStream();
        using (var excel = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = excel.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(new SheetData(new Row(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) })));
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Trang 1" }));
        }
        return stream.ToArray();
    }

    /// <summary>A zip that is no Office package at all (renamed .docx or .xlsx).</summary>
    public static byte[] PlainZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("ghi-chu.txt").Open());
            entry.Write("không phải tài liệu Word");
        }
        return stream.ToArray();
    }

    /// <summary>A 1×1 grey PNG: signature, IHDR, IDAT (zlib), IEND, each chunk with its CRC.</summary>
    public static byte[] Png(byte grey = 0x80)
    {
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([0, grey]); // filter type 0, one pixel
        }
        byte[] header = [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]; // 1×1, 8-bit greyscale
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A 1×1 grey baseline JPEG: one table each, one block whose DC and AC are all zero.</summary>
    public static byte[] Jpeg()
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        jpeg.AddRange([0xFF, 0xDB, 0, 67, 0, .. Enumerable.Repeat((byte)1, 64)]);                 // DQT
        jpeg.AddRange([0xFF, 0xC0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0]);                          // SOF0: 1×1, one component
        jpeg.AddRange([0xFF, 0xC4, 0, 20, 0x00, 1, .. new byte[15], 0]);                           // DHT DC: category 0 is "0"
        jpeg.AddRange([0xFF, 0xC4, 0, 20, 0x10, 1, .. new byte[15], 0]);                           // DHT AC: end of block is "0"
        jpeg.AddRange([0xFF, 0xDA, 0, 8, 1, 1, 0x00, 0, 63, 0]);                                   // SOS
        jpeg.AddRange([0x3F, 0xFF, 0xD9]);                                                         // "0" "0", padded with ones; EOI
        return [.. jpeg];
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)data.Length);
        png.Write(number);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
