namespace HauGiang.Tracker.Core.Data;

/// <summary>Column limits, shared by the model and the validators so both say the same thing.</summary>
public static class TextLimits
{
    public const int Code = 32;
    public const int Name = 300;
    public const int Line = 500;
    public const int Paragraph = 4000;
    public const int Long = 20000;
}
