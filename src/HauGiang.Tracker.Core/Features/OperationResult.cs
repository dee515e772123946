namespace HauGiang.Tracker.Core.Features;

/// <summary>
/// The outcome of a write: success, or Vietnamese messages keyed by the field they belong to
/// ("" for the form as a whole), so a form can show each next to its field.
/// </summary>
public sealed record OperationResult(IReadOnlyDictionary<string, string> Errors)
{
    public const string FormKey = "";

    public static OperationResult Success { get; } = new(new Dictionary<string, string>());

    public bool Succeeded => Errors.Count == 0;

    public static OperationResult Fail(string field, string message) => new(new Dictionary<string, string> { [field] = message });

    public static OperationResult Form(string message) => Fail(FormKey, message);

    public string? For(string field) => Errors.GetValueOrDefault(field);
}

/// <summary>Collects field messages while validating, first message per field wins.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, string> _errors = [];

    public bool Any => _errors.Count > 0;

    /// <summary>Records <paramref name="message"/> against <paramref name="field"/>; a null message (no problem) is ignored.</summary>
    public ValidationErrors Add(string field, string? message)
    {
        if (message is not null)
        {
            _errors.TryAdd(field, message);
        }
        return this;
    }

    public void AddIf(bool condition, string field, string message)
    {
        if (condition)
        {
            Add(field, message);
        }
    }

    public OperationResult ToResult() => new(new Dictionary<string, string>(_errors));
}
