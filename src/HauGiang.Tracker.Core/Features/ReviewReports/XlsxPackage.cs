using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// The parts of an .xlsx package written straight into a zip in create mode. System.IO.Packaging can only stream
/// a write-only package, which the OpenXml SDK refuses, and its read-write mode holds every part in memory until
/// it closes: 100,000 rows would be ~150 MB of XML. So the few fixed parts are written here by hand.
/// </summary>
internal sealed class XlsxPackage(Stream output) : IAsyncDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private readonly ZipArchive _zip = new(output, ZipArchiveMode.Create, leaveOpen: true);

    public Stream Entry(string path) => _zip.CreateEntry(path, CompressionLevel.Fastest).Open();

    public static string SheetPath(int index) => $"xl/worksheets/sheet{index + 1}.xml";

    /// <summary>Content types, relationships, core properties, styles and the workbook naming <paramref name="sheets"/>.</summary>
    public async Task WriteFixedPartsAsync(IReadOnlyList<string> sheets, DefinedNames filters, string title, string creator, DateTime created)
    {
        var overrides = new StringBuilder()
            .Append(Override("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
            .Append(Override("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"))
            .Append(Override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"));
        var sheetRelationships = new StringBuilder();
        for (var i = 0; i < sheets.Count; i++)
        {
            overrides.Append(Override("/" + SheetPath(i), "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"));
            sheetRelationships.Append(Relationship($"rId{i + 1}", $"{OfficeRelationships}/worksheet", $"worksheets/sheet{i + 1}.xml"));
        }
        await TextAsync("[Content_Types].xml", $"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>""");
        await TextAsync("_rels/.rels", Relationships(
            Relationship("rId1", $"{OfficeRelationships}/officeDocument", "xl/workbook.xml") +
            Relationship("rId2", $"{PackageRelationships}/metadata/core-properties", "docProps/core.xml")));
        await TextAsync("xl/_rels/workbook.xml.rels", Relationships(
            sheetRelationships + Relationship($"rId{sheets.Count + 1}", $"{OfficeRelationships}/styles", "styles.xml")));
        var stamp = DateTime.SpecifyKind(created, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await TextAsync("docProps/core.xml", $"""<cp:coreProperties xmlns:cp="{PackageRelationships.Replace("relationships", "metadata/core-properties", StringComparison.Ordinal)}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{Escape(title)}</dc:title><dc:creator>{Escape(creator)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created></cp:coreProperties>""");
        Element("xl/styles.xml", XlsxStyles.Create());
        var list = new Sheets(sheets.Select((name, i) => new Sheet { Name = name, SheetId = (uint)i + 1, Id = $"rId{i + 1}" }));
        Element("xl/workbook.xml", filters.HasChildren ? new DocumentFormat.OpenXml.Spreadsheet.Workbook(list, filters) : new DocumentFormat.OpenXml.Spreadsheet.Workbook(list));
    }

    public ValueTask DisposeAsync() => _zip.DisposeAsync();

    private void Element(string path, OpenXmlElement element)
    {
        using var stream = Entry(path);
        using var writer = OpenXmlWriter.Create(stream, new UTF8Encoding(false));
        writer.WriteStartDocument(true);
        writer.WriteElement(element);
    }

    private async Task TextAsync(string path, string xml)
    {
        await using var writer = new StreamWriter(Entry(path), new UTF8Encoding(false));
        await writer.WriteAsync("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" + xml);
    }

    private static string Relationships(string items) => $"""<Relationships xmlns="{PackageRelationships}">{items}</Relationships>""";

    private static string Relationship(string id, string type, string target) => $"""<Relationship Id="{id}" Type="{type}" Target="{target}"/>""";

    private static string Override(string part, string type) => $"""<Override PartName="{part}" ContentType="{type}"/>""";

    private static string Escape(string text) => SecurityElement.Escape(text.Normalize(NormalizationForm.FormC));
}
