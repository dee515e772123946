using System.Text;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Core.Features.Workbook;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Workbook;

public class WorkbookTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private StructureWorkbookService Workbooks => Get<StructureWorkbookService>();

    private async Task<byte[]> ExportAsync()
    {
        using var stream = new MemoryStream();
        await Workbooks.ExportAsync(Admin, stream, Ct);
        return stream.ToArray();
    }

    private async Task<ImportPreview> PreviewAsync(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return await Workbooks.PreviewAsync(Admin, stream, Ct);
    }

    private async Task<ImportPreview> ImportAsync(byte[] workbook, string? fingerprint = null)
    {
        using var stream = new MemoryStream(workbook);
        return await Workbooks.ImportAsync(Admin, stream, "chuong-trinh.xlsx", fingerprint, Ct);
    }

    private async Task<ItemRow> ItemAsync(string code) =>
        (await new ProgramStructureService(Database.Factory, new ProgramFactsStore(Database.Factory, Database.Clock)).GetAsync(ct: Ct))!.AllItems.Single(i => i.Code == code);

    [Fact]
    public async Task Exporting_the_seeded_program_and_importing_it_back_changes_nothing()
    {
        var workbook = await ExportAsync();
        var before = await DatabaseFingerprint.TakeAsync(Database, Ct);

        var preview = await PreviewAsync(workbook);
        var import = await ImportAsync(workbook, preview.Plan.Fingerprint);

        Assert.Empty(preview.Problems);
        Assert.Empty(preview.Plan.Lines);
        Assert.True(import.CanImport);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(Database, Ct));
    }

    [Fact]
    public async Task The_headers_name_columns_as_the_item_editor_names_the_fields()
    {
        using var edit = new WorkbookEditor(await ExportAsync());

        Assert.Equal("Thuộc nhiệm vụ", edit.Get("Nhiệm vụ", 1, WorkbookLayout.Parent));
        Assert.Equal("Nhóm nhiệm vụ, giải pháp (thứ tự)", edit.Get("Văn bản", 1, WorkbookLayout.Group));
        Assert.Equal("Đang theo dõi", edit.Get("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-01"), WorkbookLayout.State));
    }

    [Fact]
    public async Task A_workbook_made_with_the_former_headers_and_state_words_still_imports()
    {
        using var edit = new WorkbookEditor(await ExportAsync());
        foreach (var sheet in new[] { "Nhiệm vụ", "Văn bản" })
        {
            edit.RenameHeader(sheet, WorkbookLayout.Parent, "Mã nhiệm vụ cha").RenameHeader(sheet, WorkbookLayout.Group, "Nhóm (thứ tự)");
        }
        edit.RenameHeader("Chỉ tiêu", WorkbookLayout.Group, "Nhóm (thứ tự)");
        foreach (var code in new[] { "NV-02", "NV-03" })
        {
            edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", code), WorkbookLayout.State, "Đang thực hiện");
        }
        edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-03"), "Mã nhiệm vụ cha", "NV-02");

        var preview = await PreviewAsync(edit.Save());

        Assert.Empty(preview.Problems);
        Assert.Equal([("Nhiệm vụ", "NV-03", PlanAction.Change)], preview.Plan.Lines.Select(l => (l.Sheet, l.Key, l.Action)));
        Assert.Contains("Thuộc nhiệm vụ", preview.Plan.Lines.Single().Description, StringComparison.Ordinal);
        Assert.Equal(ItemState.Active, (await ItemAsync("NV-02")).State);
    }

    [Fact]
    public async Task An_edited_workbook_applies_exactly_the_edits()
    {
        using var edit = new WorkbookEditor(await ExportAsync());
        edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-01"), "Nội dung", "Nâng cao chất lượng đào tạo nghề (đã sửa)");
        edit.AddRow("Nhiệm vụ", new Dictionary<string, string>
        {
            ["Mã"] = "NV-15",
            ["Nội dung"] = "Nhiệm vụ mới từ Excel",
            [WorkbookLayout.Parent] = "NV-01",
            [WorkbookLayout.Deadline] = "Quý IV/2026",
            [WorkbookLayout.State] = "Đang theo dõi",
        });
        edit.AddRow("Phân công", new Dictionary<string, string> { [WorkbookLayout.ItemCode] = "NV-15", ["Mã đơn vị chủ trì"] = "CT-SNV", ["Mã đơn vị phối hợp (cách nhau bằng dấu ;)"] = "CT-STC; CT-STP" });
        edit.Set("Phân công", edit.RowOf("Phân công", "NV-02"), "Mã đơn vị chủ trì", "CT-STP");
        edit.DeleteRow("Văn bản", edit.RowOf("Văn bản", "VB-22"));
        edit.DeleteRow("Phân công", edit.RowOf("Phân công", "VB-22"));
        edit.AddRow("Mốc tiến độ", new Dictionary<string, string> { [WorkbookLayout.ItemCode] = "NV-15", [WorkbookLayout.Ordinal] = "1", ["Nội dung mốc"] = "Xây dựng dự thảo", ["Hạn"] = "30/06/2026" });
        edit.Set("Chỉ tiêu", edit.RowOf("Chỉ tiêu", "CT-M01"), "Chỉ tiêu năm 2025", "72,5");
        var workbook = edit.Save();

        var preview = await PreviewAsync(workbook);

        Assert.Empty(preview.Problems);
        Assert.Equal(
            [("Nhiệm vụ", "NV-01", PlanAction.Change), ("Nhiệm vụ", "NV-15", PlanAction.Add), ("Văn bản", "VB-22", PlanAction.Drop),
             ("Mốc tiến độ", "NV-15 #1", PlanAction.Add), ("Chỉ tiêu", "CT-M01", PlanAction.Change), ("Phân công", "NV-02", PlanAction.Change), ("Phân công", "NV-15", PlanAction.Change)],
            preview.Plan.Lines.Select(l => (l.Sheet, l.Key, l.Action)));
        Assert.Equal("Chủ trì: “SNV” → “CT-STP”", preview.Plan.Lines.Single(l => l.Key == "NV-02").Description);

        var result = await ImportAsync(workbook, preview.Plan.Fingerprint);

        Assert.True(result.CanImport);
        await using var db = Database.NewContext();
        Assert.Equal("Nâng cao chất lượng đào tạo nghề (đã sửa)", (await db.WorkItems.SingleAsync(i => i.Code == "NV-01", Ct)).Title);
        var added = await db.WorkItems.Include(i => i.Parent).Include(i => i.Milestones).Include(i => i.Assignments).ThenInclude(a => a.OrgUnit).SingleAsync(i => i.Code == "NV-15", Ct);
        Assert.Equal(("NV-01", new DateOnly(2026, 12, 31)), (added.Parent!.Code, added.Deadline.DueDate!.Value));
        Assert.Equal(new DateOnly(2026, 6, 30), added.Milestones.Single().DueDate);
        Assert.Equal(["CT-SNV", "CT-STC", "CT-STP"], added.Assignments.Select(a => a.OrgUnit!.Code).Order());
        Assert.Equal(ItemState.Dropped, (await db.WorkItems.SingleAsync(i => i.Code == "VB-22", Ct)).State);
        Assert.Equal(("Sở Tư pháp thành phố Cần Thơ", "Sở Nội vụ"), ((await ItemAsync("NV-02")).Lead!.Name, (await ItemAsync("NV-02")).Lead!.FormerName));
        Assert.Equal(72.5m, (await db.IndicatorTargets.SingleAsync(t => t.Year == 2025 && t.Target != null && t.Target > 72, Ct)).Target);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Reason == "Nhập cấu trúc Chương trình từ tệp chuong-trinh.xlsx" && e.EntityKey == added.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));

        var again = await PreviewAsync(await ExportAsync());
        Assert.Empty(again.Plan.Lines);
    }

    [Fact]
    public async Task An_import_whose_plan_changed_since_the_preview_is_refused()
    {
        using var edit = new WorkbookEditor(await ExportAsync());
        edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-01"), "Nội dung", "Sửa lần một");
        var workbook = edit.Save();
        var before = await DatabaseFingerprint.TakeAsync(Database, Ct);

        var result = await ImportAsync(workbook, fingerprint: "kế hoạch cũ");

        Assert.Contains("Dữ liệu đã thay đổi kể từ lúc kiểm tra", result.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(Database, Ct));
    }

    [Fact]
    public async Task Dates_are_read_whether_typed_as_date_cells_or_as_text()
    {
        using var edit = new WorkbookEditor(await ExportAsync());
        var row = edit.RowOf("Nhiệm vụ", "NV-03");
        edit.SetNumber("Nhiệm vụ", row, WorkbookLayout.StartsOn, new DateTime(2022, 1, 3).ToOADate());
        edit.Set("Mốc tiến độ", edit.AddRow("Mốc tiến độ", new Dictionary<string, string> { [WorkbookLayout.ItemCode] = "NV-03", [WorkbookLayout.Ordinal] = "1", ["Nội dung mốc"] = "Mốc một" }), "Hạn", "05/09/2022");
        var workbook = edit.Save();

        var result = await ImportAsync(workbook);

        Assert.Empty(result.Problems);
        await using var db = Database.NewContext();
        var item = await db.WorkItems.Include(i => i.Milestones).SingleAsync(i => i.Code == "NV-03", Ct);
        Assert.Equal(new DateOnly(2022, 1, 3), item.StartsOn);
        Assert.Equal(new DateOnly(2022, 9, 5), item.Milestones.Single().DueDate);
    }

    [Fact]
    public async Task Vietnamese_text_survives_the_round_trip_composed()
    {
        var decomposed = "Phát triển nguồn nhân lực chất lượng cao ở Hậu Giang".Normalize(NormalizationForm.FormD);
        using var edit = new WorkbookEditor(await ExportAsync());
        edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-02"), "Nội dung", decomposed);
        await ImportAsync(edit.Save());

        await using var db = Database.NewContext();
        var title = (await db.WorkItems.SingleAsync(i => i.Code == "NV-02", Ct)).Title;
        Assert.Equal(decomposed.Normalize(NormalizationForm.FormC), title);
        Assert.True(title.IsNormalized(NormalizationForm.FormC));
        using var exported = new WorkbookEditor(await ExportAsync());
        Assert.Equal(title, exported.Get("Nhiệm vụ", exported.RowOf("Nhiệm vụ", "NV-02"), "Nội dung"));
    }

    [Fact]
    public async Task The_blank_template_has_every_sheet_and_column_and_imports_as_dropping_everything()
    {
        using var stream = new MemoryStream();
        await Workbooks.TemplateAsync(Admin, stream, Ct);
        using var template = new WorkbookEditor(stream.ToArray());

        Assert.Equal(["Hướng dẫn", "Đơn vị", "Đột phá", "Nhóm giải pháp", "Nhiệm vụ", "Văn bản", "Mốc tiến độ", "Chỉ tiêu", "Phân công", "Danh mục"], template.SheetNames);
        Assert.Equal(1, template.RowCount("Nhiệm vụ"));
        var preview = await PreviewAsync(stream.ToArray());
        Assert.Empty(preview.Problems);
        Assert.Equal(58, preview.Plan.Count(PlanAction.Drop) - (await MilestoneCountAsync()));
    }

    private async Task<int> MilestoneCountAsync()
    {
        await using var db = Database.NewContext();
        return await db.Milestones.CountAsync(Ct);
    }

    [Fact]
    public async Task Adjusted_deadlines_are_shown_read_only_and_cannot_be_rewritten_in_place()
    {
        using var edit = new WorkbookEditor(await ExportAsync());
        var row = edit.RowOf("Nhiệm vụ", "NV-04");
        Assert.Equal("Năm 2024", edit.Get("Nhiệm vụ", row, WorkbookLayout.Deadline));
        Assert.Equal("Quý II/2025", edit.Get("Nhiệm vụ", row, WorkbookLayout.DeadlineInForce));
        edit.Set("Nhiệm vụ", row, WorkbookLayout.Deadline, "Năm 2025");

        var preview = await PreviewAsync(edit.Save());

        var problem = Assert.Single(preview.Problems);
        Assert.Equal(("Nhiệm vụ", row, WorkbookLayout.Deadline), (problem.Sheet, problem.Row, problem.Column));
    }

    [Fact]
    public async Task A_deadline_correction_before_any_adjustment_is_applied_to_the_original()
    {
        using var edit = new WorkbookEditor(await ExportAsync());
        edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-03"), WorkbookLayout.Deadline, "Quý II/2023");

        var result = await ImportAsync(edit.Save());

        Assert.Empty(result.Problems);
        var item = await ItemAsync("NV-03");
        Assert.Equal(Deadline.EndOf("Quý II/2023", new DateOnly(2023, 6, 30)), item.OriginalDeadline);
        Assert.Equal(item.OriginalDeadline, item.Deadline);
    }
}
