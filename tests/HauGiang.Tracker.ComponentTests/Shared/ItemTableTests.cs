using Bunit;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Web.Components.Shared;

namespace HauGiang.Tracker.ComponentTests.Shared;

public class ItemTableTests : ComponentTest
{
    [Fact]
    public void Each_item_is_a_row_with_code_lead_deadline_status_and_progress()
    {
        var cut = Render<ItemTable>(p => p.Add(c => c.Items, [
            Samples.Row("NV-01", "Nâng cao chất lượng đào tạo nghề", ProgressAxis.Overdue, lead: new UnitRef(1, "Sở Nội vụ", null), progress: 87.5m),
            Samples.Row("VB-01", "Nghị quyết về nguồn nhân lực", ProgressAxis.DoneOnTime),
        ]));

        var rows = cut.FindAll("tbody tr");
        Assert.Equal(["NV-01", "VB-01"], rows.Select(r => r.GetAttribute("data-item")));
        var cells = rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("NV-01", cells[0]);
        Assert.Contains("Nâng cao chất lượng đào tạo nghề", cells[1], StringComparison.Ordinal);
        Assert.Equal("Sở Nội vụ", cells[2]);
        Assert.Equal("Năm 2025 (31/12/2025)", cells[3]);
        Assert.Contains("Chưa hoàn thành, quá hạn", cells[4], StringComparison.Ordinal);
        Assert.Equal("87,5%", cells[5]);
    }

    [Fact]
    public void Sample_items_carry_the_sample_label_and_real_ones_do_not()
    {
        var cut = Render<ItemTable>(p => p.Add(c => c.Items, [Samples.Row("NV-01", sample: true), Samples.Row("G1.1")]));

        Assert.Equal(["NV-01", "G1.1"], cut.FindAll("tbody tr").Select(r => r.GetAttribute("data-item")));
        Assert.NotNull(cut.Find("tr[data-item='NV-01'] [data-sample]"));
        Assert.Equal("G1.1", cut.Find("tr[data-item='G1.1'] td").TextContent.Trim());
        Assert.Empty(cut.FindAll("tr[data-item='G1.1'] [data-sample]"));
        Assert.Equal("Mẫu", cut.Find("[data-sample]").TextContent.Trim());
    }

    [Fact]
    public void A_unit_that_took_over_the_work_shows_the_unit_it_replaced()
    {
        var cut = Render<ItemTable>(p => p.Add(c => c.Items, [Samples.Row("NV-09", lead: new UnitRef(2, "Sở Tài chính", "Sở Kế hoạch và Đầu tư"))]));

        Assert.Contains("trước đây: Sở Kế hoạch và Đầu tư", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Unassigned_work_says_so()
    {
        var cut = Render<ItemTable>(p => p.Add(c => c.Items, [Samples.Row("G1.1")]));

        Assert.Contains("Chưa phân công", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_list_says_there_is_nothing()
    {
        var cut = Render<ItemTable>(p => p.Add(c => c.Items, []));

        Assert.Empty(cut.FindAll("table"));
        Assert.Contains("Chưa có nhiệm vụ, văn bản nào.", cut.Markup, StringComparison.Ordinal);
    }
}
