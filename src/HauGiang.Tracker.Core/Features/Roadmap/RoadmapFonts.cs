using System.Reflection;
using PdfSharp.Fonts;

namespace HauGiang.Tracker.Core.Features.Roadmap;

/// <summary>
/// The one font of the printed roadmap, DejaVu Sans Condensed, shipped inside this assembly so a PDF looks the same
/// on any machine (a container has no fonts). Any family asked for resolves to it.
/// </summary>
internal sealed class RoadmapFonts : IFontResolver
{
    public const string Family = "DejaVu Sans Condensed";
    private const string Regular = "DejaVuSansCondensed";
    private const string Bold = "DejaVuSansCondensed-Bold";
    private static readonly Lock Gate = new();

    /// <summary>Sets the resolver PDFsharp uses process-wide, once.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not RoadmapFonts)
            {
                GlobalFontSettings.FontResolver = new RoadmapFonts();
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[] GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"HauGiang.Tracker.Core.Fonts.{faceName}.ttf")
            ?? throw new InvalidOperationException($"The font {faceName} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
