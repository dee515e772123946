namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>Keeps a workbook's sheet names valid and unique (Excel compares them without case, at most 31 characters).</summary>
internal sealed class SheetNames
{
    private const int MaxLength = 31;
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string Unique(string wanted)
    {
        var clean = new string(wanted.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' ? '-' : c).ToArray()).Trim().Trim('\'');
        clean = clean.Length == 0 ? "Bảng" : clean;
        var name = Cut(clean, MaxLength);
        for (var n = 2; !_used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = Cut(clean, MaxLength - suffix.Length) + suffix;
        }
        return name;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
