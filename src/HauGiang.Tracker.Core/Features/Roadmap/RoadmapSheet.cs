using PdfSharp.Drawing;

namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>One printed page of the roadmap: the drawing of its header, ruler, lines and footer, in the screen's colours.</summary>
internal sealed class RoadmapSheet(XGraphics gfx, RoadmapPdf.Fonts fonts, TimelineScale scale, RoadmapPdfWords words, double left, double trackLeft, DateOnly day)
{
    private static readonly XPen Rule = new(XColor.FromArgb(196, 196, 196), 0.5);
    private static readonly XPen Minor = new(XColor.FromArgb(224, 224, 224), 0.4);
    private static readonly XPen DayPen = new(XColor.FromArgb(211, 47, 47), 1) { DashStyle = XDashStyle.Dash };
    private static readonly XBrush Ink = new XSolidBrush(XColor.FromArgb(31, 31, 31));
    private static readonly XBrush HeadingFill = new XSolidBrush(XColor.FromArgb(241, 243, 244));

    private double Right => trackLeft + scale.Width;

    public void Header(double pageWidth)
    {
        var y = left;
        gfx.DrawString(RoadmapPdf.Nfc(words.Title), fonts.Title, Ink, new XRect(left, y, pageWidth - 2 * left, 16), XStringFormats.TopLeft);
        gfx.DrawString(Fit(words.Subtitle, fonts.Text, pageWidth - 2 * left), fonts.Text, Ink, new XRect(left, y + 18, pageWidth - 2 * left, 11), XStringFormats.TopLeft);
        gfx.DrawString(Fit(words.AsOf, fonts.Text, pageWidth - 2 * left), fonts.Text, Ink, new XRect(left, y + 30, pageWidth - 2 * left, 11), XStringFormats.TopLeft);
        gfx.DrawString(Fit(words.Scope, fonts.Text, pageWidth - 2 * left), fonts.Text, Ink, new XRect(left, y + 41, pageWidth - 2 * left, 11), XStringFormats.TopLeft);
        Legend(y + 54, pageWidth - left);
    }

    private void Legend(double y, double right)
    {
        var x = left;
        foreach (var (symbol, text) in words.Legend)
        {
            var label = RoadmapPdf.Nfc(text);
            var width = gfx.MeasureString(label, fonts.Small).Width + 22;
            if (x + width > right)
            {
                x = left;
                y += 11;
            }
            Symbol(symbol, x, y);
            gfx.DrawString(label, fonts.Small, Ink, new XPoint(x + 18, y + 7));
            x += width + 8;
        }
    }

    private void Symbol(LegendSymbol symbol, double x, double y)
    {
        switch (symbol)
        {
            case LegendSymbol.Plan: Bar(x, y + 1, 14, 7, "OpenWithinDeadline", 0); break;
            case LegendSymbol.Progress: Bar(x, y + 1, 14, 7, "OpenWithinDeadline", 7); break;
            case LegendSymbol.Overdue: Bar(x, y + 1, 14, 7, "Overdue", 0); break;
            case LegendSymbol.DoneLate: Bar(x, y + 1, 14, 7, "DoneLate", 0); break;
            case LegendSymbol.OriginalDeadline: Marker(MarkerKind.OriginalDeadline, x + 7, y, 9); break;
            case LegendSymbol.AdjustedDeadline: Marker(MarkerKind.AdjustedDeadline, x + 7, y, 9); break;
            case LegendSymbol.Completion: Marker(MarkerKind.Completion, x + 7, y, 9); break;
            case LegendSymbol.Milestone: Marker(MarkerKind.Milestone, x + 7, y, 9); break;
            case LegendSymbol.Earlier: gfx.DrawRectangle(EarlierPen, EarlierFill, x, y, 14, 9); break;
            default: gfx.DrawLine(DayPen, x + 7, y - 1, x + 7, y + 10); break;
        }
    }

    public void Ruler(double top, double height)
    {
        gfx.DrawString(RoadmapPdf.Nfc(words.ItemColumn), fonts.Bold, Ink, new XRect(left + 2, top, trackLeft - left - 4, height), XStringFormats.CenterLeft);
        foreach (var year in scale.Years())
        {
            gfx.DrawLine(Rule, trackLeft + year.X, top, trackLeft + year.X, top + height);
            Label(year.Label, fonts.Bold, trackLeft + year.X + 2, top + 8, year.Width);
        }
        if (scale.Zoom != TimelineZoom.Year)
        {
            foreach (var tick in scale.Ticks())
            {
                gfx.DrawLine(Minor, trackLeft + tick.X, top + 11, trackLeft + tick.X, top + height);
                Label(tick.Label, fonts.Small, trackLeft + tick.X + 1, top + 19, tick.Width);
            }
        }
        gfx.DrawLine(Rule, left, top + height, Right, top + height);
    }

    public void Line(RoadmapLine line, double y, double height)
    {
        if (line.Heading is { } heading)
        {
            gfx.DrawRectangle(HeadingFill, left, y, Right - left, height);
            gfx.DrawString(Fit($"{words.Heading(heading)} ({heading.Count})", fonts.Bold, Right - left), fonts.Bold, Ink, new XRect(left + 2, y, Right - left, height), XStringFormats.CenterLeft);
            return;
        }
        var row = line.Row!;
        var indent = 2 + row.Depth * 6;
        gfx.DrawString(Fit(words.Label(row), fonts.Row, trackLeft - left - indent - 2), fonts.Row, Ink, new XRect(left + indent, y, trackLeft - left - indent, height), XStringFormats.CenterLeft);
        gfx.DrawLine(Minor, left, y + height, Right, y + height);
        gfx.DrawLine(Rule, trackLeft, y, trackLeft, y + height);
        var shape = RoadmapGeometry.Shape(scale, row);
        if (shape.Undated)
        {
            var text = RoadmapPdf.Nfc(words.Undated);
            var w = gfx.MeasureString(text, fonts.Small).Width + 6;
            gfx.DrawRectangle(new XPen(XColor.FromArgb(95, 99, 104), 0.5) { DashStyle = XDashStyle.Dash }, trackLeft + 3, y + 2, w, height - 4);
            gfx.DrawString(text, fonts.Small, Ink, new XRect(trackLeft + 6, y, w, height), XStringFormats.CenterLeft);
            return;
        }
        if (shape.Earlier is { } earlier)
        {
            gfx.DrawRectangle(EarlierPen, EarlierFill, trackLeft + earlier.X, y + 1.5, Math.Max(earlier.Width, 1), height - 3);
        }
        if (shape.Planned is { } plan)
        {
            var status = row.Item.Status.IsOpenUndated ? "Undated" : row.Item.Status.Axis.ToString();
            Bar(trackLeft + plan.X, y + 3.5, Math.Max(plan.Width, 1), height - 7, status, shape.ProgressWidth);
            var statusText = RoadmapPdf.Nfc(words.Status(row));
            var textX = trackLeft + plan.X + Math.Max(plan.Width, 1) + 6;
            if (textX + gfx.MeasureString(statusText, fonts.Small).Width > Right)
            {
                textX = Math.Max(trackLeft + plan.X - gfx.MeasureString(statusText, fonts.Small).Width - 6, trackLeft + 2);
            }
            gfx.DrawString(statusText, fonts.Small, Ink, new XRect(textX, y, Right - textX, height), XStringFormats.CenterLeft);
        }
        foreach (var marker in shape.Markers)
        {
            Marker(marker.Kind, trackLeft + marker.X, y + 1, height - 2);
        }
    }

    public void DayLine(double top, double bottom)
    {
        if (scale.Contains(day))
        {
            var x = trackLeft + RoadmapGeometry.DayLine(scale, day);
            gfx.DrawLine(DayPen, x, top, x, bottom);
        }
    }

    public void Footer(double pageWidth, double pageHeight, string pageText)
    {
        var y = pageHeight - left - 10;
        gfx.DrawString(RoadmapPdf.Nfc(pageText), fonts.Text, Ink, new XRect(left, y, pageWidth - 2 * left, 10), XStringFormats.TopRight);
    }

    private static readonly XPen EarlierPen = new(XColor.FromArgb(117, 117, 117), 0.5) { DashStyle = XDashStyle.Dash };
    private static readonly XBrush EarlierFill = new XSolidBrush(XColor.FromArgb(77, 158, 158, 158));

    // Status by colour and by pattern: hatched when overdue, dotted when done late (the words are beside the bar).
    private void Bar(double x, double y, double width, double height, string status, double progress)
    {
        var (fill, stroke, solid) = status switch
        {
            "DoneOnTime" => (XColor.FromArgb(200, 230, 201), XColor.FromArgb(27, 94, 32), XColor.FromArgb(46, 125, 50)),
            "DoneLate" => (XColor.FromArgb(219, 232, 248), XColor.FromArgb(13, 71, 161), XColor.FromArgb(21, 101, 192)),
            "Overdue" => (XColor.FromArgb(248, 215, 213), XColor.FromArgb(183, 28, 28), XColor.FromArgb(198, 40, 40)),
            _ => (XColor.FromArgb(227, 234, 242), XColor.FromArgb(55, 71, 79), XColor.FromArgb(84, 110, 122)),
        };
        var box = new XRect(x, y, width, height);
        gfx.DrawRectangle(new XSolidBrush(fill), box);
        if (status is "Overdue" or "DoneLate")
        {
            var state = gfx.Save();
            gfx.IntersectClip(box);
            var pen = new XPen(stroke, 0.6);
            for (var s = x - height; s < x + width; s += 3)
            {
                if (status == "Overdue")
                {
                    gfx.DrawLine(pen, s, y + height, s + height, y);
                }
                else
                {
                    gfx.DrawEllipse(new XSolidBrush(stroke), s + height, y + height / 2 - 0.5, 1, 1);
                }
            }
            gfx.Restore(state);
        }
        if (progress > 0)
        {
            gfx.DrawRectangle(new XSolidBrush(solid), x, y + height / 4, Math.Min(progress, width), height / 2);
        }
        gfx.DrawRectangle(new XPen(stroke, 0.5), box);
    }

    private void Marker(MarkerKind kind, double x, double y, double height)
    {
        var dark = new XPen(XColor.FromArgb(33, 33, 33), 0.6);
        switch (kind)
        {
            case MarkerKind.OriginalDeadline:
                gfx.DrawPolygon(dark, XBrushes.White, [new XPoint(x - 3, y), new XPoint(x + 3, y), new XPoint(x, y + 5)], XFillMode.Winding);
                break;
            case MarkerKind.AdjustedDeadline:
                gfx.DrawPolygon(new XPen(XColor.FromArgb(138, 60, 0), 0.6), new XSolidBrush(XColor.FromArgb(239, 108, 0)), [new XPoint(x - 3, y), new XPoint(x + 3, y), new XPoint(x, y + 5)], XFillMode.Winding);
                break;
            case MarkerKind.Completion:
                gfx.DrawLines(new XPen(XColor.FromArgb(27, 94, 32), 1.2), [new XPoint(x - 3, y + height / 2), new XPoint(x - 0.5, y + height - 2), new XPoint(x + 3.5, y + 1)]);
                break;
            default:
                var half = height / 2;
                var fill = kind == MarkerKind.MilestoneDone ? new XSolidBrush(XColor.FromArgb(106, 27, 154)) : XBrushes.White;
                gfx.DrawPolygon(new XPen(XColor.FromArgb(74, 20, 140), 0.8), fill,
                    [new XPoint(x, y), new XPoint(x + half * 0.8, y + half), new XPoint(x, y + height), new XPoint(x - half * 0.8, y + half)], XFillMode.Winding);
                break;
        }
    }

    private void Label(string text, XFont font, double x, double baseline, double room)
    {
        if (gfx.MeasureString(text, font).Width + 2 <= room)
        {
            gfx.DrawString(RoadmapPdf.Nfc(text), font, Ink, new XPoint(x, baseline));
        }
    }

    // Cut to the room with an ellipsis, measuring the real glyphs.
    private string Fit(string text, XFont font, double room)
    {
        var s = RoadmapPdf.Nfc(text);
        if (gfx.MeasureString(s, font).Width <= room)
        {
            return s;
        }
        int lo = 0, hi = s.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (gfx.MeasureString(string.Concat(s.AsSpan(0, mid), "…"), font).Width <= room)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return string.Concat(s.AsSpan(0, lo).TrimEnd(), "…");
    }
}
