using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>
/// The roadmap printed: landscape A4 or A3, the title, the day, the scope and a legend on every page, the rows'
/// labels on the left of every page, the timeline drawn from the same <see cref="RoadmapGeometry"/> as the
/// screen (fitted to the paper), and "Trang x/y". The font is embedded whole: with a subset, letters with two
/// marks (ấ, ồ, ệ) are drawn broken although their text extracts correctly.
/// </summary>
public static class RoadmapPdf
{
    private const double Margin = 28;
    private const double HeaderHeight = 78;
    private const double RulerHeight = 22;
    private const double FooterHeight = 18;
    public const double RowHeight = 13;

    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    /// <summary>How many lines (headings and rows) one page holds on the paper.</summary>
    public static int LinesPerPage(RoadmapPaper paper)
    {
        var (_, height) = Size(paper);
        return (int)Math.Floor((height - 2 * Margin - HeaderHeight - RulerHeight - FooterHeight) / RowHeight);
    }

    /// <summary>The pages a roadmap takes on the paper: at least one, even when no row is kept.</summary>
    public static int PageCount(ProgramRoadmap roadmap, RoadmapPaper paper)
    {
        ArgumentNullException.ThrowIfNull(roadmap);
        return Math.Max(1, (roadmap.Lines.Count + LinesPerPage(paper) - 1) / LinesPerPage(paper));
    }

    /// <summary>Writes the PDF and returns its page count.</summary>
    public static int Write(ProgramRoadmap roadmap, TimelineZoom zoom, RoadmapPaper paper, RoadmapPdfWords words, Stream output)
    {
        ArgumentNullException.ThrowIfNull(roadmap);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(output);
        RoadmapFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = Nfc(words.Title);
        var (width, height) = Size(paper);
        var labelWidth = Math.Round((width - 2 * Margin) * 0.3);
        var scale = TimelineScale.Fitting(roadmap.FirstYear, roadmap.LastYear, zoom, width - 2 * Margin - labelWidth);
        var fonts = new Fonts();
        var perPage = LinesPerPage(paper);
        var pages = PageCount(roadmap, paper);
        for (var n = 0; n < pages; n++)
        {
            var page = document.AddPage();
            page.Size = paper == RoadmapPaper.A3 ? PageSize.A3 : PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            using var gfx = XGraphics.FromPdfPage(page);
            var sheet = new RoadmapSheet(gfx, fonts, scale, words, Margin, Margin + labelWidth, roadmap.Facts.AsOf);
            sheet.Header(width);
            var top = Margin + HeaderHeight;
            sheet.Ruler(top, RulerHeight);
            var y = top + RulerHeight;
            foreach (var line in roadmap.Lines.Skip(n * perPage).Take(perPage))
            {
                sheet.Line(line, y, RowHeight);
                y += RowHeight;
            }
            sheet.DayLine(top, y);
            sheet.Footer(width, height, string.Format(System.Globalization.CultureInfo.InvariantCulture, words.PageFormat, n + 1, pages));
        }
        document.Save(output, false);
        return pages;
    }

    internal static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    private static (double Width, double Height) Size(RoadmapPaper paper) =>
        paper == RoadmapPaper.A3 ? (XUnit.FromMillimeter(420).Point, XUnit.FromMillimeter(297).Point) : (XUnit.FromMillimeter(297).Point, XUnit.FromMillimeter(210).Point);

    internal sealed class Fonts
    {
        public XFont Title { get; } = new(RoadmapFonts.Family, 13, XFontStyleEx.Bold, Embedded);
        public XFont Text { get; } = new(RoadmapFonts.Family, 8, XFontStyleEx.Regular, Embedded);
        public XFont Bold { get; } = new(RoadmapFonts.Family, 7.5, XFontStyleEx.Bold, Embedded);
        public XFont Row { get; } = new(RoadmapFonts.Family, 7, XFontStyleEx.Regular, Embedded);
        public XFont Small { get; } = new(RoadmapFonts.Family, 6, XFontStyleEx.Regular, Embedded);
    }
}
