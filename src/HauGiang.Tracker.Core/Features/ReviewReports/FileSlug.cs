using System.Globalization;
using System.Text;

namespace HauGiang.Tracker.Core.Features.ReviewReports;

/// <summary>
/// ASCII file names from Vietnamese ones: "Tổng hợp theo đơn vị" is "tong-hop-theo-don-vi". Marks are stripped
/// after NFD; đ has no decomposition, so it is mapped by hand.
/// </summary>
internal sealed class FileSlug
{
    private const int MaxLength = 60;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public static string Of(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var ascii = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (ascii is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(ascii);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var result = slug.ToString().Trim('-');
        result = result.Length > MaxLength ? result[..MaxLength].TrimEnd('-') : result;
        return result.Length == 0 ? "bang" : result;
    }

    /// <summary>The slug of <paramref name="text"/>, with "-2", "-3" … when an earlier name took it.</summary>
    public string Unique(string text)
    {
        var slug = Of(text);
        var name = slug;
        for (var n = 2; !_used.Add(name); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
        }
        return name;
    }
}
