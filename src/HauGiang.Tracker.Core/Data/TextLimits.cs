using System.Diagnostics.CodeAnalysis;

namespace HauGiang.Tracker.Core.Data;

/// <summary>Column limits, shared by the model and the validators so both say the same thing.</summary>
public static class TextLimits
{
    public const int Code = 32;
    public const int Name = 300;
    public const int Line = 500;
    public const int Paragraph = 4000;
    public const int Long = 20000;

    /// <summary>
    /// Blank as it will be stored: the context drops NUL (PostgreSQL text cannot hold it), so text of NUL and
    /// white space alone is blank; checking with IsNullOrWhiteSpace let it through and stored an empty required field.
    /// </summary>
    public static bool IsBlank([NotNullWhen(false)] string? text) => string.IsNullOrWhiteSpace(text?.Replace("\0", "", StringComparison.Ordinal));
}
