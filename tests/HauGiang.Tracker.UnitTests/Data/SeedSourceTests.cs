using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Seeding;

namespace HauGiang.Tracker.UnitTests.Data;

/// <summary>What is seeded as real must stand in the source text, word for word.</summary>
public partial class SeedSourceTests
{
    private static readonly string Source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Source", "program-50-ctr-tu.vi.txt"));

    // Compares words only: the source's punctuation and capitals are those of a press article.
    private static string Words(string text) =>
        Spaces().Replace(NonWords().Replace(text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("vi-VN")), " "), " ").Trim();

    [Fact]
    public void The_source_text_is_composed_Unicode()
    {
        Assert.True(Source.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Every_real_item_is_named_in_the_source_words()
    {
        var missing = ProgramSource.Items.Where(i => !Words(Source).Contains(Words(i.Title), StringComparison.Ordinal)).Select(i => i.Code).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_six_groups_are_the_source_paragraphs_verbatim()
    {
        Assert.Equal(["Một là", "Hai là", "Ba là", "Bốn là", "Năm là", "Sáu là"], ProgramSource.Groups.Select(g => g.Heading));
        foreach (var group in ProgramSource.Groups)
        {
            Assert.Contains(group.Text.Trim(), Source, StringComparison.Ordinal);
            Assert.StartsWith(group.Heading + ", ", group.Text.Trim(), StringComparison.Ordinal);
            Assert.Contains(Words(group.Title), Words(group.Text), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_three_breakthroughs_are_the_source_words_in_order()
    {
        Assert.Equal(3, ProgramSource.Breakthroughs.Count);
        var source = Words(Source);
        var positions = ProgramSource.Breakthroughs.Select(b => source.IndexOf(Words(b), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Motto_and_spirit_are_quoted_from_the_source()
    {
        var program = ProgramSource.Program();
        Assert.Contains($"“{program.Motto}”", Source, StringComparison.Ordinal);
        Assert.Contains($"“{program.Spirit}”", Source, StringComparison.Ordinal);
        Assert.Contains("50-CTr/TU", Source, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2021, 8, 9), program.IssuedOn);
    }

    [Fact]
    public void The_eight_district_level_units_end_with_June_2025()
    {
        var districts = ProgramSource.Units.Where(u => u.Kind == OrgUnitKind.DistrictLevel).ToList();
        Assert.Equal(8, districts.Count);
        Assert.All(districts, d => Assert.Equal(new DateOnly(2025, 6, 30), d.ValidTo));
        Assert.Contains(districts, d => d.Name == "Huyện Châu Thành A");
    }

    [Fact]
    public void Every_seeded_unit_that_ends_hands_its_work_to_a_successor_existing_the_next_day()
    {
        var units = ProgramSource.Units.Concat(SampleData.Units).ToDictionary(u => u.Code, StringComparer.Ordinal);
        var mergers = ProgramSource.Mergers.Concat(SampleData.Mergers).ToList();
        foreach (var merger in mergers)
        {
            Assert.All(merger.Merged, code => Assert.Equal(merger.EffectiveOn.AddDays(-1), units[code].ValidTo));
            var successor = units[merger.Successor];
            Assert.True(successor.ValidFrom <= merger.EffectiveOn || successor.ValidFrom is null, merger.Successor);
            Assert.True(successor.ValidTo >= merger.EffectiveOn || successor.ValidTo is null, merger.Successor);
        }
        Assert.Equal(
            units.Values.Where(u => u.ValidTo is not null).Select(u => u.Code).Order(StringComparer.Ordinal),
            mergers.SelectMany(m => m.Merged).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_samples_stand_in_for_14_tasks_and_more_than_20_documents_with_unique_codes()
    {
        Assert.Equal(14, SampleData.Items.Count(i => i.Kind == WorkItemKind.Task));
        Assert.True(SampleData.Items.Count(i => i.Kind == WorkItemKind.Document) > 20);
        var codes = ProgramSource.Items.Concat(SampleData.Items).Select(i => i.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_seeded_text_is_composed_Unicode()
    {
        var texts = ProgramSource.Items.Concat(SampleData.Items).Select(i => i.Title)
            .Concat(ProgramSource.Units.Concat(SampleData.Units).Select(u => u.Name))
            .Concat(ProgramSource.Groups.Select(g => g.Text));
        Assert.All(texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC), t));
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
