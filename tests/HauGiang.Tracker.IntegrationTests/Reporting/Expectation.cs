namespace HauGiang.Tracker.IntegrationTests.Reporting;

/// <summary>
/// What a validator property's oracle expects of one input, worked out from the stated rules alone: no
/// broken rule means the input must be accepted; otherwise each field with a broken rule must be refused
/// with one of its broken rules' messages (a field keeps its first message, so any of them may show).
/// </summary>
public sealed class Expectation
{
    private readonly Dictionary<string, List<string>> _broken = [];

    public bool Accepts => _broken.Count == 0;

    public IReadOnlyDictionary<string, List<string>> Broken => _broken;

    /// <summary>Records that <paramref name="field"/> breaks a rule when <paramref name="broken"/>; <paramref name="message"/> is its text or a fragment of it.</summary>
    public Expectation Rule(bool broken, string field, string message)
    {
        if (broken)
        {
            if (!_broken.TryGetValue(field, out var messages))
            {
                _broken[field] = messages = [];
            }
            messages.Add(message);
        }
        return this;
    }

    public static Expectation Only(string field, string message) => new Expectation().Rule(true, field, message);

    /// <summary>Fails unless <paramref name="errors"/> names exactly the broken fields, each with one of its rules' messages.</summary>
    public void AssertRefusal(IReadOnlyDictionary<string, string> errors)
    {
        Assert.Equal(_broken.Keys.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        foreach (var (field, messages) in _broken)
        {
            Assert.True(messages.Any(m => errors[field].Contains(m, StringComparison.Ordinal)),
                $"“{field}” was refused with “{errors[field]}”, expected one of: {string.Join(" | ", messages)}");
        }
    }

    public override string ToString() => Accepts ? "accepted" : string.Join("; ", _broken.Select(b => $"{b.Key}: {string.Join(" | ", b.Value)}"));
}
