using System.Text;
using CsCheck;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Periods;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Reporting;

/// <summary>
/// Three thousand generated inputs go through each write, on its real service and database, as the person
/// allowed to make it. Each input is built so that every field is valid or broken in a named way; an oracle
/// in the test works out from the stated rules which fields must be refused and with which message. A refused
/// input must commit no row change (a trigger on every table counts them); an accepted one must store exactly
/// what was sent, after the normalisation the service documents. Accepted inputs move the state on, so later
/// inputs meet drafts, returned reports, issued documents, adjusted deadlines. Each validator is its own class
/// so they run side by side, each on its own database.
/// </summary>
public abstract class ValidatorProperties(DatabaseTemplates templates) : ServiceFixture(templates)
{
    // Each input costs a few round trips for the oracle and the write counter: 3,000 per validator keep the
    // seven classes near four minutes on two cores.
    public const int Iterations = 3_000;

    public static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>
    /// Text for a field of at most <paramref name="limit"/> characters: absent, blank (also when only NUL, which
    /// the database layer drops), ordinary, padded, decomposed diacritics, NUL inside, markup, exactly at the
    /// limit, and one past it.
    /// </summary>
    protected static Gen<string?> TextUpTo(int limit) => Gen.Frequency(
        (3, Gen.OneOf<string?>(null, "", "   ", "\0", " \0\t")),
        (6, Gen.String[Gen.Char["aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ0123456789 .,;/-"], 1, 40].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => (string?)s)),
        (3, Gen.OneOf<string?>("  Đã hoàn thành dự thảo.  ", "Hoa\u0300n tha\u0300nh", "có\0ký tự rỗng", "dòng 1\r\ndòng 2\t",
            "<script>alert(1)</script>", "'; DROP TABLE progress_reports; --", "=HYPERLINK(\"x\")")),
        (1, Gen.Const<string?>(new string('ệ', limit))),
        (2, Gen.OneOf<string?>(new string('ệ', limit + 1), " " + new string('a', limit) + " ")));

    /// <summary>Days around the program, the open period (15/09–14/12/2026) and "today" (27/11/2026).</summary>
    protected static readonly Gen<DateOnly?> Day = Gen.OneOf(
        Gen.OneOf<DateOnly?>(null, Today, Today.AddDays(1), new DateOnly(2026, 9, 14), new DateOnly(2026, 9, 15),
            new DateOnly(2026, 12, 14), new DateOnly(2021, 1, 1), DateOnly.MinValue, DateOnly.MaxValue),
        Gen.Int[new DateOnly(2020, 1, 1).DayNumber, new DateOnly(2028, 12, 31).DayNumber].Select(d => (DateOnly?)DateOnly.FromDayNumber(d)));

    protected static readonly Gen<bool> Rarely = Gen.Frequency((9, Gen.Const(false)), (1, Gen.Const(true)));

    /// <summary>Blank as the reader will see it: the database layer drops NUL, so NUL and white space alone are blank.</summary>
    protected static bool Blank(string? text) => string.IsNullOrWhiteSpace(text?.Replace("\0", "", StringComparison.Ordinal));

    protected static bool Longer(string? text, int limit) => (text?.Length ?? 0) > limit;

    /// <summary>What a trimmed text field holds after the save: trimmed (and NFC when <paramref name="nfc"/>), without NUL; blank is null.</summary>
    protected static string? Stored(string? text, bool nfc = false)
    {
        if (Blank(text))
        {
            return null;
        }
        var trimmed = text!.Trim();
        return (nfc ? trimmed.Normalize(NormalizationForm.FormC) : trimmed).Replace("\0", "", StringComparison.Ordinal);
    }

    public sealed record Tally(int Ran, int Refused, int Accepted, IReadOnlyDictionary<string, int> RefusedFields);

    /// <summary>
    /// Runs every generated input, one after another (an accepted input changes what the next one meets):
    /// <paramref name="expect"/> is the oracle, asked before the call; <paramref name="verifyStored"/> reads back
    /// what an accepted input stored. Asserts that exactly <see cref="Iterations"/> inputs ran.
    /// </summary>
    protected async Task<Tally> CheckAsync<T>(Gen<T> inputs, Func<T, Task<Expectation>> expect, Func<T, Task<OperationResult>> call, Func<T, Task> verifyStored)
    {
        await WriteCounter.InstallAsync(Database, Ct);
        int ran = 0, refused = 0, accepted = 0, changed = 0;
        var fields = new Dictionary<string, int>();
        await inputs.SampleAsync(async input =>
        {
            var expected = await expect(input);
            // Read before every call: a failing input (and CsCheck's shrinking after it) must not leave a stale count behind.
            var writes = await WriteCounter.ReadAsync(Database, Ct);
            var result = await call(input);
            var now = await WriteCounter.ReadAsync(Database, Ct);
            if (expected.Accepts)
            {
                Assert.True(result.Succeeded, $"refused what the rules allow: {string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}"))}");
                // Saving what is already there is accepted and writes nothing; anything else shows in the counter.
                changed += now > writes ? 1 : 0;
                await verifyStored(input);
                accepted++;
            }
            else
            {
                Assert.False(result.Succeeded, $"accepted although {expected}");
                expected.AssertRefusal(result.Errors);
                Assert.Equal(writes, now);
                foreach (var field in expected.Broken.Keys)
                {
                    fields[field] = fields.GetValueOrDefault(field) + 1;
                }
                refused++;
            }
            ran++;
        }, iter: Iterations, threads: 1, print: input => input?.ToString() is { Length: > 300 } s ? s[..300] + "…" : input?.ToString() ?? "null");

        Assert.Equal(Iterations, ran);
        Assert.True(accepted == 0 || changed > 0, "the write counter saw none of the accepted inputs");
        TestContext.Current.SendDiagnosticMessage($"{GetType().Name}: {refused} refused, {accepted} accepted ({changed} changed something) of {ran}; refused by field: "
            + string.Join(", ", fields.Select(f => $"{(f.Key.Length == 0 ? "(form)" : f.Key)} {f.Value}")));
        return new Tally(ran, refused, accepted, fields);
    }

    /// <summary>
    /// Both outcomes in meaningful numbers, and every named field refused several times. <paramref name="minAccepted"/>
    /// is stated per 10,000 inputs and halved for slack, so the bar stays far below what the generators give.
    /// </summary>
    protected static void AssertCoverage(Tally tally, int minAccepted, params string[] fields)
    {
        ArgumentNullException.ThrowIfNull(tally);
        Assert.Equal(Iterations, tally.Refused + tally.Accepted);
        Assert.True(tally.Refused >= Iterations / 10, $"only {tally.Refused} refused");
        Assert.True(tally.Accepted >= minAccepted * Iterations / 20_000, $"only {tally.Accepted} accepted");
        Assert.All(fields, f => Assert.True(tally.RefusedFields.GetValueOrDefault(f) >= 5, $"“{f}” refused only {tally.RefusedFields.GetValueOrDefault(f)} times"));
    }

    /// <summary>Quý I/2027, planned: generated from the 15th→14th rule, not opened yet.</summary>
    protected async Task<int> PlannedPeriodAsync()
    {
        var (generated, _) = await Get<PeriodAdministration>().GenerateYearAsync(Admin, 2027, Ct);
        Assert.True(generated.Succeeded);
        return (await PeriodAsync("Quý I/2027")).Id;
    }

    protected async Task<uint> ItemVersionAsync(int itemId)
    {
        await using var db = Database.NewContext();
        return await db.WorkItems.Where(i => i.Id == itemId).Select(i => i.Version).SingleAsync(Ct);
    }
}
