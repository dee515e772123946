using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Web;
using HauGiang.Tracker.Web.Components.Shared;

namespace HauGiang.Tracker.ComponentTests;

/// <summary>A missing key would show its name to a user instead of Vietnamese: every key used must exist.</summary>
public partial class ResourceKeysTests
{
    private static readonly ResourceManager Strings = new("HauGiang.Tracker.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static string WebSourceFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HauGiang.Tracker.sln")))
        {
            dir = dir.Parent;
        }
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("repository root"), "src", "HauGiang.Tracker.Web");
    }

    [Fact]
    public void Every_literal_key_in_the_components_exists()
    {
        var keys = Directory.EnumerateFiles(WebSourceFolder(), "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(keys);
        Assert.Empty(keys.Where(k => Strings.GetString(k.Key) is null).Select(k => $"{k.File}: {k.Key}"));
    }

    [Fact]
    public void Every_enum_shown_by_name_has_a_Vietnamese_label()
    {
        var keys = Enum.GetNames<ProgressAxis>().Select(n => $"Status.{n}")
            .Concat(Enum.GetNames<WorkItemKind>().Select(n => $"Kind.{n}"))
            .Concat(Enum.GetNames<OrgUnitKind>().Select(n => $"UnitKind.{n}"))
            .Concat(Enum.GetNames<PeriodState>().Select(n => $"PeriodState.{n}"))
            .Concat(Enum.GetNames<ItemState>().Select(n => $"ItemState.{n}"))
            .Concat(Enum.GetNames<DocumentType>().Select(n => $"DocumentType.{n}"))
            .Concat(Enum.GetNames<AmendmentChangeKind>().Select(n => $"AmendmentChangeKind.{n}"))
            .Concat(Enum.GetNames<IndicatorDirection>().Select(n => $"IndicatorDirection.{n}"))
            .Concat(Enum.GetNames<AuditCategory>().Select(n => $"AuditCategory.{n}"))
            .Concat(Enum.GetNames<HauGiang.Tracker.Core.Features.Workbook.PlanAction>().Select(n => $"PlanAction.{n}"))
            .Concat(Enum.GetNames<ReviewState>().Select(n => $"ReviewState.{n}"))
            .Concat(Enum.GetNames<DocumentStage>().Select(n => $"DocumentStage.{n}"))
            .Concat(Enum.GetNames<AssignmentRole>().Select(n => $"AssignmentRole.{n}"))
            .Concat(Enum.GetNames<EvidenceKind>().Select(n => $"EvidenceKind.{n}"))
            .Concat(Enum.GetNames<DayOfWeek>().Select(n => $"Weekday.{n}"))
            .Concat(HauGiang.Tracker.Core.Domain.Access.Roles.All.Select(n => $"Role.{n}"));

        Assert.DoesNotContain(keys, k => Strings.GetString(k) is null);
    }

    [Fact]
    public void Every_audited_action_has_a_Vietnamese_label()
    {
        var actions = typeof(HauGiang.Tracker.Core.Features.Audit.SecurityEvents)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)
            .Concat(["insert", "update", "delete"]).ToList();

        Assert.True(actions.Count > 10);
        Assert.DoesNotContain(actions, a => Strings.GetString($"AuditAction.{a}") is null);
    }

    [Fact]
    public void Every_status_label_in_the_resources_is_a_term_of_the_one_vocabulary()
    {
        var entries = Strings.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().Select(e => (Key: (string)e.Key, Value: ((string)e.Value!).Trim())).ToList();

        // A status label is a term, the "no report" one qualified by the period it speaks of.
        var labels = entries.Where(e => e.Key.StartsWith("Status.", StringComparison.Ordinal) && !e.Value.Contains('{', StringComparison.Ordinal)).ToList();
        Assert.Equal(7, labels.Count); // the four verdicts, "chưa triển khai", "chưa báo cáo kỳ này", "chưa xác định thời hạn"
        Assert.Empty(labels.Where(e => !StatusWords.Vocabulary.Contains(e.Value) && !StatusWords.Vocabulary.Any(t => e.Value == t + " kỳ này")).Select(e => $"{e.Key} = {e.Value}"));
        // A label composed from the terms (urgency headings, "against the original deadline") has no status word of its own.
        var composed = entries.Where(e => e.Key.StartsWith("Urgency.", StringComparison.Ordinal) || (e.Key.StartsWith("Status.", StringComparison.Ordinal) && e.Value.Contains('{', StringComparison.Ordinal)));
        Assert.Empty(composed.Where(e => StatusWord().IsMatch(Placeholder().Replace(e.Value, ""))).Select(e => $"{e.Key} = {e.Value}"));
        // No label anywhere is a shorthand of a status standing alone.
        string[] shorthands = ["Trong hạn", "Quá hạn", "Đúng hạn", "Đã hoàn thành", "Hoàn thành", "Chưa hoàn thành", "Đang thực hiện", "Chưa xác định", "Chưa bắt đầu", "Đang triển khai"];
        Assert.Empty(entries.Where(e => shorthands.Contains(e.Value, StringComparer.OrdinalIgnoreCase)).Select(e => $"{e.Key} = {e.Value}"));
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("trong hạn|quá hạn|đúng hạn|hoàn thành|thực hiện|chưa báo cáo|triển khai|xác định", RegexOptions.IgnoreCase)]
    private static partial Regex StatusWord();

    [GeneratedRegex(@"L\[""([A-Za-z0-9_.]+)""")]
    private static partial Regex LiteralKey();
}
