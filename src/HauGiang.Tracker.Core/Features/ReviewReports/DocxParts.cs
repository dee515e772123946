using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static HauGiang.Tracker.Core.Features.ReviewReports.DocxBlocks;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>The parts around the Word report's body: the default font, the page (A4, margins), the footer with the stamp and page numbers, and the provisional mark.</summary>
internal static class DocxParts
{
    private const string Font = "Times New Roman";

    public static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "26" },
                new FontSizeComplexScript { Val = "26" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
    }

    /// <summary>The section's properties: A4 portrait, left 30 mm, right, top and bottom 20 mm, the footer and the header.</summary>
    public static SectionProperties Page(MainDocumentPart main, ExportStamp stamp, bool provisional)
    {
        var section = new SectionProperties();
        if (provisional)
        {
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Para(JustificationValues.Right, [Text("TẠM TÍNH", bold: true, halfPoints: 22, color: "909090")]));
            section.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
        }
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(Footer(stamp));
        section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
        section.Append(new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait });
        section.Append(new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 567, Footer = 567, Gutter = 0 });
        return section;
    }

    private static Paragraph Footer(ExportStamp stamp)
    {
        const int size = 20;
        var paragraph = new Paragraph(
            new ParagraphProperties(
                new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth }),
                new SpacingBetweenLines { After = "0" }),
            Text(stamp.Footer, halfPoints: size),
            new Run(new TabChar()),
            Text("Trang ", halfPoints: size),
            Field(" PAGE ", size),
            Text("/", halfPoints: size),
            Field(" NUMPAGES ", size));
        return paragraph;
    }

    private static SimpleField Field(string instruction, int size) =>
        new(Text("1", halfPoints: size)) { Instruction = instruction };
}
