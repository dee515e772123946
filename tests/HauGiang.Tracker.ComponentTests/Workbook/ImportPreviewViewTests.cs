using Bunit;
using HauGiang.Tracker.Core.Features.Workbook;
using HauGiang.Tracker.Web.Components.Pages.Workbook;

namespace HauGiang.Tracker.ComponentTests.Workbook;

public class ImportPreviewViewTests : ComponentTest
{
    [Fact]
    public void Problems_are_listed_by_sheet_row_and_column_and_nothing_is_offered_for_import()
    {
        var preview = new ImportPreview(
            [new ImportProblem("Nhiệm vụ", 7, "Thời hạn", "Không hiểu thời hạn “sớm”."), new ImportProblem("Phân công", 0, "", "Thiếu trang tính “Phân công”.")],
            new ImportPlan([]));

        var cut = Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview).Add(c => c.FileName, "chuong-trinh.xlsx"));

        Assert.Contains("Tệp chuong-trinh.xlsx có 2 lỗi; chưa nhập gì.", cut.Find("[data-testid=import-refused]").TextContent, StringComparison.Ordinal);
        var cells = cut.FindAll("[data-testid=import-problems] tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["Nhiệm vụ", "7", "Thời hạn", "Không hiểu thời hạn “sớm”."], cells);
        Assert.Equal("", cut.FindAll("[data-testid=import-problems] tbody tr")[1].QuerySelectorAll("td")[1].TextContent);
        Assert.Equal(2, cut.FindAll("[data-testid=import-problems] tbody tr").Count);
        Assert.Empty(cut.FindAll("[data-testid=import-plan]"));
    }

    [Fact]
    public void A_clean_workbook_shows_what_will_be_added_changed_and_dropped()
    {
        var preview = new ImportPreview([], new ImportPlan(
        [
            new PlanLine("Nhiệm vụ", "NV-15", PlanAction.Add, "Thêm: Nhiệm vụ mới"),
            new PlanLine("Nhiệm vụ", "NV-01", PlanAction.Change, "Nội dung: “a” → “b”"),
            new PlanLine("Văn bản", "VB-22", PlanAction.Drop, "Đánh dấu “Đã bỏ”"),
        ]));

        var cut = Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview));

        Assert.Equal("Sẽ thêm 1, sửa 1, bỏ 1 mục. Xem kỹ danh sách rồi xác nhận.", cut.Find("[data-testid=import-plan-summary]").TextContent.Trim());
        Assert.Equal(["Thêm", "Sửa", "Bỏ"], cut.FindAll("[data-testid=import-plan] tbody tr").Select(r => r.QuerySelectorAll("td")[2].TextContent));
    }

    [Fact]
    public void A_workbook_matching_the_database_says_there_is_nothing_to_import()
    {
        var cut = Render<ImportPreviewView>(p => p.Add(c => c.Preview, new ImportPreview([], new ImportPlan([]))));

        Assert.Contains("không có gì để nhập", cut.Find("[data-testid=import-nothing]").TextContent, StringComparison.Ordinal);
    }
}
