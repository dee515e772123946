using System.Text;

namespace HauGiang.Tracker.Core.Features.Reporting;

/// <summary>
/// What may be kept as evidence: PDF, Word, Excel and images, at most 20 MB, not empty, and the bytes must
/// be what the name says: they start with its signature and open as that kind (a renamed executable, or HTML
/// behind "%PDF-", is refused).
/// </summary>
public static class EvidenceRules
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int MaxNameLength = 200;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The extensions taken, with the signature their bytes must start with and the type stored.</summary>
    private static readonly Dictionary<string, (byte[] Magic, string ContentType)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = (Pdf, "application/pdf"),
        [".docx"] = (Zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".xlsx"] = (Zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".doc"] = (Ole, "application/msword"),
        [".xls"] = (Ole, "application/vnd.ms-excel"),
        [".png"] = (Png, "image/png"),
        [".jpg"] = (Jpeg, "image/jpeg"),
        [".jpeg"] = (Jpeg, "image/jpeg"),
    };

    /// <summary>The extensions for a file picker's accept attribute, from the same list the check uses.</summary>
    public static string Accept => string.Join(",", Kinds.Keys);

    public static string Allowed => "PDF, Word (.doc, .docx), Excel (.xls, .xlsx), ảnh (.png, .jpg)";

    /// <summary>The problem with a file, or null with the content type to store.</summary>
    public static (string? Problem, string ContentType) Check(EvidenceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = (file.FileName ?? "").Normalize(NormalizationForm.FormC).Trim();
        if (name.Length == 0)
        {
            return ("Tệp minh chứng không có tên.", "");
        }
        if (name.Length > MaxNameLength)
        {
            return ($"Tên tệp không quá {MaxNameLength} ký tự.", "");
        }
        if (!Kinds.TryGetValue(Path.GetExtension(name), out var kind))
        {
            return ($"Không nhận loại tệp “{Path.GetExtension(name)}”. Chỉ nhận {Allowed}.", "");
        }
        if (file.Content is null || file.Content.Length == 0)
        {
            return ("Tệp rỗng, không có nội dung.", "");
        }
        if (file.Content.LongLength > MaxBytes)
        {
            return ($"Tệp nặng {file.Content.LongLength / 1024 / 1024} MB, quá giới hạn {MaxBytes / 1024 / 1024} MB.", "");
        }
        if (!file.Content.AsSpan().StartsWith(kind.Magic))
        {
            return ($"Nội dung tệp “{name}” không phải {Path.GetExtension(name).TrimStart('.').ToUpperInvariant()} như tên tệp.", "");
        }
        if (!EvidenceContent.Opens(Path.GetExtension(name), file.Content))
        {
            return (Unreadable(name), "");
        }
        return (null, kind.ContentType);
    }

    /// <summary>Why a file whose first bytes look right is still refused: it does not open as that kind.</summary>
    public static string Unreadable(string name) =>
        $"Tệp “{name}” không mở được như một tệp {Path.GetExtension(name).TrimStart('.').ToUpperInvariant()}: tệp bị hỏng, bị cắt dở hoặc là loại tệp khác được đổi tên. Vui lòng chọn đúng tệp gốc.";

    public static string? CheckDescription(string? description) =>
        description is { Length: > Data.TextLimits.Line } ? $"Mô tả minh chứng không quá {Data.TextLimits.Line} ký tự." : null;

    /// <summary>The content type a checked file was stored with, from its name.</summary>
    public static string ContentTypeOf(string fileName) =>
        Kinds.TryGetValue(Path.GetExtension(fileName ?? ""), out var kind) ? kind.ContentType : "application/octet-stream";

    public static string SafeName(string fileName) => Path.GetFileName((fileName ?? "").Normalize(NormalizationForm.FormC).Trim());
}
