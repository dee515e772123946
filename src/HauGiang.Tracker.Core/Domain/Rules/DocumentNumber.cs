using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>Who issued a document, as its number shows: the two forms differ in their separators.</summary>
public enum IssuerForm
{
    /// <summary>A state body: "16/KH-UBND", with a year for legal normative documents: "15/2022/NQ-HĐND".</summary>
    State,

    /// <summary>A Party body: "05-CT/TU", "159-KL/TU", "36-HD/VPTW".</summary>
    Party,
}

/// <summary>
/// A document number (số, ký hiệu) in the form its issuer writes it. A state body writes number "/"
/// (year "/") type "-" body (Nghị định 30/2020/NĐ-CP); a Party body writes number "-" type "/" body
/// (Hướng dẫn 36-HD/VPTW). The body after the last "/" tells which form applies.
/// </summary>
public sealed partial record DocumentNumber(IssuerForm Form, string Number, int? Year, string TypeSymbol, string BodySymbol)
{
    public const string Examples = "cơ quan nhà nước: 16/KH-UBND hoặc 15/2022/NQ-HĐND; cơ quan Đảng: 05-CT/TU";

    public const string EmptyMessage = "Nhập số, ký hiệu văn bản (" + Examples + ").";

    private static readonly string[] PartyBodies = ["TU", "TW", "TƯ", "HU", "ThU", "QU", "ĐU", "ĐUK"];
    private static readonly string[] PartyEndings = ["TW", "TU", "TƯ"];

    public override string ToString() => Form == IssuerForm.Party
        ? $"{Number}-{TypeSymbol}/{BodySymbol}"
        : Year is { } year ? string.Create(CultureInfo.InvariantCulture, $"{Number}/{year}/{TypeSymbol}-{BodySymbol}") : $"{Number}/{TypeSymbol}-{BodySymbol}";

    /// <summary>Whether the body symbol (the part after the last "/") names a Party body: TU, HU, ĐU, VPTW, BTCTW …</summary>
    public static bool IsPartyBody(string? body) =>
        body is not null && (PartyBodies.Contains(body, StringComparer.Ordinal) || PartyEndings.Any(e => body.Length > e.Length && body.EndsWith(e, StringComparison.Ordinal)));

    public static bool TryParse(string? text, out DocumentNumber number) => TryParse(text, out number, out _);

    /// <summary>Reads a number in its issuer's form; otherwise says, in Vietnamese, which form was expected.</summary>
    public static bool TryParse(string? text, out DocumentNumber number, out string error)
    {
        number = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = EmptyMessage;
            return false;
        }
        var t = text.Normalize(NormalizationForm.FormC).Trim();
        var body = t[(t.LastIndexOf('/') + 1)..];
        var party = IsPartyBody(body);
        if (party && PartyForm().Match(t) is { Success: true } p)
        {
            number = new DocumentNumber(IssuerForm.Party, p.Groups["n"].Value, null, p.Groups["type"].Value, p.Groups["body"].Value);
            error = "";
            return true;
        }
        if (!party && StateForm().Match(t) is { Success: true } s)
        {
            int? year = s.Groups["year"].Success ? int.Parse(s.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
            number = new DocumentNumber(IssuerForm.State, s.Groups["n"].Value, year, s.Groups["type"].Value, s.Groups["body"].Value);
            error = "";
            return true;
        }
        error = party
            ? $"Số, ký hiệu “{t}” không đúng thể thức văn bản của Đảng: số-ký hiệu loại văn bản/cơ quan ban hành, ví dụ 05-CT/TU, 50-CTr/TU."
            : PartyForm().IsMatch(t)
                ? $"Số, ký hiệu “{t}” không đúng thể thức: {body} không phải cơ quan Đảng, nên cơ quan nhà nước ghi số/ký hiệu loại văn bản-cơ quan ban hành, ví dụ 16/KH-UBND, 15/2022/NQ-HĐND."
                : $"Số, ký hiệu “{t}” không đúng thể thức. Ghi theo cơ quan ban hành: {Examples}.";
        return false;
    }

    [GeneratedRegex(@"^(?<n>\d{1,6})-(?<type>\p{L}+)/(?<body>\p{L}+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartyForm();

    [GeneratedRegex(@"^(?<n>\d{1,6})/(?:(?<year>(?:19|20)\d\d)/)?(?<type>\p{L}+)-(?<body>\p{L}+(?:-\p{L}+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex StateForm();
}
