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

/// <summary>
/// The one way a check reports a problem with a field: <c>errors.Add(field, problemOrNull)</c>, collected while
/// validating; the first message per field wins. A single refusal with nothing else to collect is
/// <see cref="OperationResult.Fail"/> (or <see cref="OperationResult.Form"/> for the whole form).
/// </summary>
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

    /// <summary>Takes in the messages of a part checked on its own (a row of a list, a nested form), under <paramref name="prefix"/>.</summary>
    public ValidationErrors AddAll(string prefix, ValidationErrors part)
    {
        ArgumentNullException.ThrowIfNull(part);
        foreach (var (field, message) in part._errors)
        {
            Add(prefix + field, message);
        }
        return this;
    }

    public OperationResult ToResult() => new(new Dictionary<string, string>(_errors));
}
