using System.Text;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.UnitTests.Domain;

public class DeadlineParserTests
{
    private static Deadline Parse(string text)
    {
        Assert.True(DeadlineParser.TryParse(text, 2021, 2025, out var deadline), $"'{text}' should parse");
        return deadline;
    }

    [Theory]
    [InlineData("Quý III/2021", 2021, 9, 30)]
    [InlineData("quý 3 năm 2021", 2021, 9, 30)]
    [InlineData("Quý IV/2022", 2022, 12, 31)]
    [InlineData("Quý I/2024", 2024, 3, 31)]
    [InlineData("năm 2022", 2022, 12, 31)]
    [InlineData("Trong năm 2023", 2023, 12, 31)]
    [InlineData("giai đoạn 2023–2025", 2025, 12, 31)]
    [InlineData("Giai đoạn 2023 - 2025", 2025, 12, 31)]
    [InlineData("2023-2030", 2030, 12, 31)]
    [InlineData("6 tháng đầu năm 2022", 2022, 6, 30)]
    [InlineData("6 tháng cuối năm 2022", 2022, 12, 31)]
    [InlineData("Tháng 2/2024", 2024, 2, 29)]
    [InlineData("tháng 2/2023", 2023, 2, 28)]
    public void A_period_is_due_on_its_last_day(string text, int y, int m, int d)
    {
        var deadline = Parse(text);
        Assert.Equal(DeadlineKind.Period, deadline.Kind);
        Assert.Equal(new DateOnly(y, m, d), deadline.DueDate);
        Assert.Equal(text.Trim(), deadline.Label);
    }

    [Theory]
    [InlineData("trước ngày 30/6/2022", 2022, 6, 30)]
    [InlineData("30/06/2022", 2022, 6, 30)]
    [InlineData("Chậm nhất ngày 29/02/2024", 2024, 2, 29)]
    [InlineData("Hoàn thành trước 15.3.2023", 2023, 3, 15)]
    public void A_date_is_due_that_day(string text, int y, int m, int d)
    {
        var deadline = Parse(text);
        Assert.Equal(DeadlineKind.Date, deadline.Kind);
        Assert.Equal(new DateOnly(y, m, d), deadline.DueDate);
    }

    [Theory]
    [InlineData("thường xuyên")]
    [InlineData("Thường xuyên")]
    [InlineData("liên tục")]
    [InlineData("Định kỳ")]
    public void Ongoing_work_has_no_due_day(string text)
    {
        var deadline = Parse(text);
        Assert.Equal(DeadlineKind.Ongoing, deadline.Kind);
        Assert.False(deadline.HasDueDate);
        Assert.Null(deadline.DueDateOn(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void Yearly_work_is_due_at_the_end_of_every_year_of_the_program()
    {
        var deadline = Parse("hằng năm");
        Assert.Equal(DeadlineKind.Recurring, deadline.Kind);
        Assert.Equal(
            [new(2021, 12, 31), new(2022, 12, 31), new(2023, 12, 31), new(2024, 12, 31), new DateOnly(2025, 12, 31)],
            deadline.Occurrences());
    }

    [Fact]
    public void Half_yearly_work_is_due_at_the_end_of_June_and_December()
    {
        var occurrences = Parse("định kỳ 6 tháng").Occurrences();
        Assert.Equal(10, occurrences.Count);
        Assert.Equal(new DateOnly(2021, 6, 30), occurrences[0]);
        Assert.Equal(new DateOnly(2021, 12, 31), occurrences[1]);
        Assert.Equal(new DateOnly(2025, 12, 31), occurrences[^1]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("sớm")]
    [InlineData("30/2/2022")]
    [InlineData("31/04/2023")]
    [InlineData("Quý V/2021")]
    [InlineData("tháng 13/2022")]
    [InlineData("giai đoạn 2025-2023")]
    [InlineData("năm 22")]
    public void Text_that_is_not_a_deadline_is_refused(string text)
    {
        Assert.False(DeadlineParser.TryParse(text, 2021, 2025, out var deadline));
        Assert.Equal(DeadlineKind.Unspecified, deadline.Kind);
    }

    [Fact]
    public void Decomposed_Vietnamese_is_read_like_composed()
    {
        var decomposed = "Quý III/2021".Normalize(NormalizationForm.FormD);
        var deadline = Parse(decomposed);
        Assert.Equal(new DateOnly(2021, 9, 30), deadline.DueDate);
        Assert.True(deadline.Label!.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Quý III/2021")]
    [InlineData("trước ngày 30/6/2022")]
    [InlineData("30/06/2022")]
    [InlineData("Năm 2023")]
    [InlineData("Cuối nhiệm kỳ 2020–2025")]
    [InlineData("Hằng năm")]
    [InlineData("Thường xuyên")]
    [InlineData("6 tháng đầu năm 2024")]
    public void What_is_written_reads_back_as_the_same_deadline(string text)
    {
        var deadline = Parse(text);

        Assert.True(DeadlineParser.TryParse(DeadlineParser.Format(deadline), 2021, 2025, out var again));
        Assert.Equal(deadline, again);
    }

    [Fact]
    public void A_bare_date_carries_no_label()
    {
        Assert.Null(Parse("30/06/2022").Label);
        Assert.Equal("trước ngày 30/6/2022", Parse("trước ngày 30/6/2022").Label);
    }
}
