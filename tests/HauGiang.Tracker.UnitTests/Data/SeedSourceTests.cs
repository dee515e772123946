using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
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

    [Fact]
    public void Every_real_item_is_attributed_to_the_Secretarys_article_not_to_the_Program()
    {
        // The source names the article and its author; the six groups are his, written after the Program.
        Assert.Contains($"\"{ProgramSource.ArticleTitle}\"", Source, StringComparison.Ordinal);
        Assert.Contains("Bí thư tỉnh ủy Hậu Giang Nghiêm Xuân Thành", Source, StringComparison.Ordinal);
        Assert.All(ProgramSource.Items, i =>
        {
            Assert.Equal(ItemOrigin.SecretaryArticle, i.Origin);
            Assert.Contains(ProgramSource.ArticleTitle, i.SourceNote, StringComparison.Ordinal);
        });
        Assert.All(SampleData.Items, i => Assert.Null(i.SourceNote));
    }

    /// <summary>How this project reads each dated phrase of the article; every other item has no deadline.</summary>
    private static readonly (string Code, DeadlineKind Kind, string? Due, string Phrase)[] Dated =
    [
        ("G1.3", DeadlineKind.Period, "31/12/2030", "giai đoạn 2023 - 2030"),
        ("G4.2", DeadlineKind.Period, "31/12/2025", "giai đoạn 2023 - 2025"),
        ("G4.1", DeadlineKind.Recurring, "31/12/2021", "hằng năm"),
        ("G5.1", DeadlineKind.Recurring, "31/12/2021", "từng năm"),
        ("G5.3", DeadlineKind.Ongoing, null, "thường xuyên"),
        ("G6.3", DeadlineKind.Ongoing, null, "định kỳ"),
        ("G6.4", DeadlineKind.Period, "31/12/2023", "năm 2023"),
        ("G6.5", DeadlineKind.Period, "31/12/2023", "năm 2023"),
    ];

    public static TheoryData<string, DeadlineKind, string?, string> GivenDeadlines
    {
        get
        {
            var data = new TheoryData<string, DeadlineKind, string?, string>();
            foreach (var (code, kind, due, phrase) in Dated)
            {
                data.Add(code, kind, due, phrase);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(GivenDeadlines))]
    public void A_deadline_the_article_gives_is_used_as_given(string code, DeadlineKind kind, string? due, string phrase)
    {
        var item = ProgramSource.Items.Single(i => i.Code == code);
        var group = ProgramSource.Groups.Single(g => g.Ordinal == item.Group);
        Assert.Equal(kind, item.Deadline.Kind);
        Assert.Equal(due, item.Deadline.DueDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        // The words of the deadline stand in the paragraph the item comes from.
        Assert.Contains(Words(phrase), Words(group.Text), StringComparison.Ordinal);
        Assert.Contains(Words(item.Deadline.Label!), Words(group.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void Items_the_article_gives_no_date_have_none()
    {
        var dated = Dated.Select(d => d.Code).ToHashSet();
        var undated = ProgramSource.Items.Where(i => !dated.Contains(i.Code)).ToList();
        Assert.Equal(14, undated.Count);
        Assert.All(undated, i => Assert.Equal(DeadlineKind.Unspecified, i.Deadline.Kind));
        // "Cuối nhiệm kỳ" was an invented deadline; "thường xuyên" only where the article says it.
        Assert.DoesNotContain(ProgramSource.Items, i => i.Deadline.Label?.Contains("nhiệm kỳ", StringComparison.OrdinalIgnoreCase) == true);
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
