using System.Text;
using HauGiang.Tracker.Core.Features.Roadmap;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// The pages of a printed report as they fill: A4 portrait with the margins of a Vietnamese administrative document
/// (left 30 mm, right, top and bottom 20 mm), a cursor that moves down and starts a new page when the next line no
/// longer fits, and a word-wrapping paragraph drawer (PDFsharp draws single lines only).
/// </summary>
internal sealed class PdfSheet(PdfDocument document, bool provisional) : IDisposable
{
    public static readonly double PageWidth = XUnit.FromMillimeter(210).Point;
    public static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    public static readonly double Left = XUnit.FromMillimeter(30).Point;
    public static readonly double RightEdge = PageWidth - XUnit.FromMillimeter(20).Point;
    public static readonly double Top = XUnit.FromMillimeter(20).Point;
    public static readonly double Bottom = PageHeight - XUnit.FromMillimeter(20).Point;
    public static double TextWidth => RightEdge - Left;

    private static readonly XBrush MarkBrush = new XSolidBrush(XColor.FromArgb(175, 175, 175));
    private readonly Dictionary<XFont, double> _spaces = [];
    private XGraphics? _gfx;

    public PdfFonts Fonts { get; } = new();

    public XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page has been started.");

    public double Y { get; set; }

    public void NewPage()
    {
        _gfx?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Portrait;
        _gfx = XGraphics.FromPdfPage(page);
        Y = Top;
        if (provisional)
        {
            // Every page says the figures may still change, above the text where it hides nothing.
            _gfx.DrawString("TẠM TÍNH", Fonts.Mark, MarkBrush, RightEdge, Top - 14, XStringFormats.TopRight);
        }
    }

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one; true when it did.</summary>
    public bool Ensure(double height)
    {
        if (Y + height <= Bottom || Y <= Top)
        {
            return false;
        }
        NewPage();
        return true;
    }

    public double Measure(string text, XFont font) => Gfx.MeasureString(text, font).Width;

    /// <summary>One line of text, whole when it fits, otherwise wrapped; centred in the band.</summary>
    public double Centered(string text, XFont font, double x, double width, double y)
    {
        text = Nfc(text);
        if (Measure(text, font) <= width)
        {
            Gfx.DrawString(text, font, XBrushes.Black, x + width / 2, y, XStringFormats.TopCenter);
            return y + font.GetHeight();
        }
        foreach (var line in Wrap([new(text, font)], width, 0))
        {
            DrawLine(line, x, width, y, TextAlign.Center, last: true);
            y += font.GetHeight();
        }
        return y;
    }

    /// <summary>A paragraph flowing down the pages from <see cref="Y"/>.</summary>
    public void Paragraph(IReadOnlyList<TextRun> runs, double x, double width, TextAlign align, double firstIndent = 0, string? bullet = null)
    {
        var lines = Wrap(runs, width, firstIndent);
        for (var i = 0; i < lines.Count; i++)
        {
            var height = lines[i].Height;
            Ensure(height);
            if (i == 0 && bullet is not null)
            {
                Gfx.DrawString(bullet, runs[0].Font, XBrushes.Black, x - Measure(bullet, runs[0].Font), Y, XStringFormats.TopLeft);
            }
            var indent = i == 0 ? firstIndent : 0;
            DrawLine(lines[i], x + indent, width - indent, Y, align, last: i == lines.Count - 1);
            Y += height;
        }
    }

    public List<TextLine> Wrap(IReadOnlyList<TextRun> runs, double width, double firstIndent)
    {
        var lines = new List<TextLine>();
        var words = new List<PlacedWord>();
        var used = 0.0;
        var limit = width - firstIndent;
        foreach (var word in Words(runs, width))
        {
            var space = words.Count == 0 ? 0 : Space(word.Font);
            if (words.Count > 0 && used + space + word.Width > limit)
            {
                lines.Add(new TextLine(words, used));
                words = [];
                used = 0;
                space = 0;
                limit = width;
            }
            words.Add(word);
            used += space + word.Width;
        }
        if (words.Count > 0 || lines.Count == 0)
        {
            lines.Add(new TextLine(words, used, runs.Count > 0 ? runs[0].Font.GetHeight() : 0));
        }
        return lines;
    }

    public void DrawLine(TextLine line, double x, double width, double y, TextAlign align, bool last)
    {
        var gaps = line.Words.Count - 1;
        var extra = align == TextAlign.Justify && !last && gaps > 0 ? (width - line.Width) / gaps : 0;
        var cursor = align switch
        {
            TextAlign.Center => x + (width - line.Width) / 2,
            TextAlign.Right => x + width - line.Width,
            _ => x,
        };
        for (var i = 0; i < line.Words.Count; i++)
        {
            var word = line.Words[i];
            if (i > 0)
            {
                cursor += Space(word.Font) + extra;
            }
            Gfx.DrawString(word.Text, word.Font, XBrushes.Black, cursor, y, XStringFormats.TopLeft);
            cursor += word.Width;
        }
    }

    public void Dispose() => _gfx?.Dispose();

    internal static string Nfc(string text) => text.Normalize(NormalizationForm.FormC);

    private IEnumerable<PlacedWord> Words(IReadOnlyList<TextRun> runs, double width)
    {
        foreach (var run in runs)
        {
            foreach (var text in Nfc(run.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var measured = Measure(text, run.Font);
                if (measured <= width)
                {
                    yield return new PlacedWord(text, run.Font, measured);
                    continue;
                }
                // A word wider than the line (a long code or address) is cut where it overflows.
                var start = 0;
                for (var end = 1; end <= text.Length; end++)
                {
                    if (end == text.Length || Measure(text[start..(end + 1)], run.Font) > width)
                    {
                        yield return new PlacedWord(text[start..end], run.Font, Measure(text[start..end], run.Font));
                        start = end;
                    }
                }
            }
        }
    }

    private double Space(XFont font)
    {
        if (!_spaces.TryGetValue(font, out var width))
        {
            width = Measure("x x", font) - Measure("xx", font);
            _spaces[font] = width;
        }
        return width;
    }
}

internal enum TextAlign
{
    Left,
    Center,
    Right,
    Justify,
}

internal readonly record struct TextRun(string Text, XFont Font);

internal sealed record PlacedWord(string Text, XFont Font, double Width);

internal sealed record TextLine(IReadOnlyList<PlacedWord> Words, double Width, double EmptyHeight = 0)
{
    public double Height => Words.Count == 0 ? EmptyHeight : Words.Max(w => w.Font.GetHeight());
}

/// <summary>The faces and sizes of the printed report, each embedded whole (a subset draws ấ, ồ, ệ broken).</summary>
internal sealed class PdfFonts
{
    private static readonly XPdfFontOptions Embedded = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    public XFont Text { get; } = Font(11, XFontStyleEx.Regular);
    public XFont Bold { get; } = Font(11, XFontStyleEx.Bold);
    public XFont Italic { get; } = Font(11, XFontStyleEx.Italic);
    public XFont BoldItalic { get; } = Font(11, XFontStyleEx.BoldItalic);
    public XFont Head { get; } = Font(10.5, XFontStyleEx.Regular);
    public XFont HeadBold { get; } = Font(10.5, XFontStyleEx.Bold);
    public XFont HeadItalic { get; } = Font(10.5, XFontStyleEx.Italic);
    public XFont Title { get; } = Font(15, XFontStyleEx.Bold);
    public XFont Subject { get; } = Font(12, XFontStyleEx.Bold);
    public XFont Basis { get; } = Font(10, XFontStyleEx.Italic);
    public XFont Cell { get; } = Font(8.5, XFontStyleEx.Regular);
    public XFont CellBold { get; } = Font(8.5, XFontStyleEx.Bold);
    public XFont Footer { get; } = Font(8, XFontStyleEx.Regular);
    public XFont Mark { get; } = Font(10, XFontStyleEx.Bold);

    private static XFont Font(double size, XFontStyleEx style) => new(RoadmapFonts.Family, size, style, Embedded);
}
