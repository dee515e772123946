using HauGiang.Tracker.Core.Domain.Rules;
using PdfSharp.Drawing;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// The head of page 1: the issuing body and the number on the left, the motto (Party or state form) and the place
/// and date on the right, each centred in its column; then the title, the subject and the lines saying the scope,
/// the period and how the figures were obtained.
/// </summary>
internal static class PdfReportHead
{
    private const double LeftShare = 0.45;

    public static void Draw(PdfSheet sheet, ReportHeader header, XPen rule)
    {
        var fonts = sheet.Fonts;
        var leftWidth = PdfSheet.TextWidth * LeftShare;
        var rightX = PdfSheet.Left + leftWidth;
        var rightWidth = PdfSheet.TextWidth - leftWidth;

        var left = sheet.Y;
        if (header.IssuerParent is { Length: > 0 } parent)
        {
            left = sheet.Centered(parent.ToUpperInvariant(), fonts.Head, PdfSheet.Left, leftWidth, left);
        }
        left = sheet.Centered(header.Issuer.ToUpperInvariant(), fonts.HeadBold, PdfSheet.Left, leftWidth, left);
        if (header.Form == IssuerForm.Party)
        {
            left = sheet.Centered("*", fonts.HeadBold, PdfSheet.Left, leftWidth, left);
        }
        else
        {
            Rule(sheet, rule, PdfSheet.Left, leftWidth, leftWidth / 3, left + 2);
            left += 6;
        }
        left = sheet.Centered(header.Number, fonts.Head, PdfSheet.Left, leftWidth, left + 2);

        var right = sheet.Centered(header.Motto, fonts.HeadBold, rightX, rightWidth, sheet.Y);
        var underlined = header.Motto;
        if (header.MottoLine is { Length: > 0 } line)
        {
            right = sheet.Centered(line, fonts.HeadBold, rightX, rightWidth, right);
            underlined = line;
        }
        var ruleWidth = Math.Min(rightWidth, sheet.Measure(PdfSheet.Nfc(underlined), fonts.HeadBold));
        Rule(sheet, rule, rightX, rightWidth, ruleWidth, right + 2);
        right = sheet.Centered(header.PlaceAndDate, fonts.HeadItalic, rightX, rightWidth, right + 10);

        var y = Math.Max(left, right) + 22;
        y = sheet.Centered(header.Title, fonts.Title, PdfSheet.Left, PdfSheet.TextWidth, y) + 2;
        sheet.Y = y;
        sheet.Paragraph([new TextRun(header.Subject, fonts.Subject)], PdfSheet.Left, PdfSheet.TextWidth, TextAlign.Center);
        sheet.Y += 4;
        foreach (var text in new[] { header.ScopeLine, header.PeriodLine })
        {
            sheet.Paragraph([new TextRun(text, fonts.Text)], PdfSheet.Left, PdfSheet.TextWidth, TextAlign.Center);
        }
        sheet.Paragraph([new TextRun(header.BasisLine, fonts.Basis)], PdfSheet.Left, PdfSheet.TextWidth, TextAlign.Center);
        sheet.Y += 10;
    }

    private static void Rule(PdfSheet sheet, XPen pen, double x, double width, double length, double y) =>
        sheet.Gfx.DrawLine(pen, x + (width - length) / 2, y, x + (width + length) / 2, y);
}
