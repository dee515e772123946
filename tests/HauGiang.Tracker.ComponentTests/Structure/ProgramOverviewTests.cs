using Bunit;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Web.Components.Pages.Structure;
using MudBlazor;

namespace HauGiang.Tracker.ComponentTests.Structure;

public class ProgramOverviewTests : ComponentTest
{
    [Fact]
    public void The_header_names_the_program_as_the_Party_Committee_writes_it()
    {
        var cut = Render<ProgramHeaderCard>(p => p.Add(c => c.Structure, Samples.Structure(Samples.Row("A", progress: 42.5m))));

        Assert.Contains("Chương trình số 50-CTr/TU ngày 09/08/2021 của Ban Chấp hành Đảng bộ tỉnh Hậu Giang", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("“chủ trương 1, chương trình 10, hành động 100”", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Số liệu tính đến ngày 27/11/2026", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Kỳ báo cáo hiện tại: Quý IV/2026", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("42,5%", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_counts_items_on_both_axes()
    {
        var structure = Samples.Structure(
            Samples.Row("A", axis: ProgressAxis.Overdue),
            Samples.Row("B", axis: ProgressAxis.Overdue),
            Samples.Row("C", axis: ProgressAxis.DoneOnTime));

        var cut = Render<ProgramHeaderCard>(p => p.Add(c => c.Structure, structure));

        Assert.Equal("3", cut.Find(".status-summary").GetAttribute("data-total"));
        Assert.Contains("2", cut.Find("[data-count=Overdue]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1", cut.Find("[data-count=DoneOnTime]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_are_counted_apart_and_never_in_the_programs_progress()
    {
        var structure = Samples.Structure(
            Samples.Row("G1.1", axis: ProgressAxis.Overdue, progress: 20m),
            Samples.Row("NV-01", axis: ProgressAxis.DoneOnTime, sample: true, progress: 100m),
            Samples.Row("NV-02", axis: ProgressAxis.DoneOnTime, sample: true, progress: 100m));

        var cut = Render<ProgramHeaderCard>(p => p.Add(c => c.Structure, structure));

        Assert.Contains("20", cut.Find("[data-field=progress]").TextContent, StringComparison.Ordinal);
        Assert.Contains("100", cut.Find("[data-field=sample-progress]").TextContent, StringComparison.Ordinal);
        Assert.Equal("1", cut.Find(".status-summary[data-figures=real]").GetAttribute("data-total"));
        Assert.Equal("2", cut.Find(".status-summary[data-figures=sample]").GetAttribute("data-total"));
        Assert.Contains("0", cut.Find(".status-summary[data-figures=real] [data-count=DoneOnTime]").TextContent, StringComparison.Ordinal);
    }
}
