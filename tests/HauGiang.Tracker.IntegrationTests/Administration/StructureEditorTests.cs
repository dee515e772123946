using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Administration;
using HauGiang.Tracker.Core.Features.Items;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Administration;

public class StructureEditorTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private StructureEditor Editor => Get<StructureEditor>();
    private ItemRetirement Retirement => Get<ItemRetirement>();

    [Fact]
    public async Task An_administrator_adds_a_sub_task_with_its_units()
    {
        var result = await Editor.CreateItemAsync(Admin, new ItemInput(WorkItemKind.Task, "NV-01.1", "Khảo sát nhu cầu đào tạo nghề", ParentCode: "NV-01", Deadline: "30/09/2022"),
            new AssignmentInput("CT-SNV", ["CT-SGDDT"], "Nguyễn Văn Bình"), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var data = await Editor.GetAsync(await ItemIdAsync("NV-01.1"), Ct);
        Assert.Equal(("NV-01", "30/09/2022", "CT-SNV", "Nguyễn Văn Bình"), (data!.Input.ParentCode, data.Input.Deadline, data.Assignment.LeadUnitCode, data.Assignment.ResponsiblePerson));
    }

    [Theory]
    [InlineData("", "Tên", null, null, "Code", "Nhập mã.")]
    [InlineData("NV 1", "Tên", null, null, "Code", "Mã chỉ gồm chữ, số và các dấu . - _ /, không có khoảng trắng.")]
    [InlineData("NV-01", "Tên", null, null, "Code", "Mã NV-01 đã có.")]
    [InlineData("NV-30", " ", null, null, "Title", "Nhập nội dung.")]
    [InlineData("NV-30", "Tên", "NV-99", null, "ParentCode", "Không có nhiệm vụ cha mã NV-99.")]
    [InlineData("NV-30", "Tên", null, "Quý V/2022", "Deadline", null)]
    public async Task Bad_item_input_is_refused_next_to_its_field(string code, string title, string? parent, string? deadline, string field, string? message)
    {
        var before = await DatabaseFingerprint.TakeAsync(Database, Ct);

        var result = await Editor.CreateItemAsync(Admin, new ItemInput(WorkItemKind.Task, code, title, ParentCode: parent, Deadline: deadline), null, Ct);

        Assert.NotNull(result.For(field));
        if (message is not null)
        {
            Assert.Equal(message, result.For(field));
        }
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(Database, Ct));
    }

    [Fact]
    public async Task Moving_an_item_under_its_own_child_is_refused()
    {
        await Editor.CreateItemAsync(Admin, new ItemInput(WorkItemKind.Task, "NV-01.1", "Con", ParentCode: "NV-01"), null, Ct);
        var parent = (await Editor.GetAsync(await ItemIdAsync("NV-01"), Ct))!;

        var result = await Editor.UpdateItemAsync(Admin, parent.Id, parent.Version, parent.Input, parent.Input with { ParentCode = "NV-01.1" }, ct: Ct);

        Assert.Contains("vòng lặp", result.For("ParentCode"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_before_the_start_is_refused()
    {
        var result = await Editor.CreateItemAsync(Admin, new ItemInput(WorkItemKind.Task, "NV-30", "Tên", Deadline: "Năm 2022", StartsOn: new DateOnly(2023, 1, 1)), null, Ct);
        Assert.Equal("Thời hạn (31/12/2022) không được trước ngày bắt đầu (01/01/2023).", result.For("Deadline"));
    }

    [Fact]
    public async Task An_item_with_reports_cannot_be_deleted_but_can_be_closed()
    {
        var id = await ItemIdAsync("NV-01");

        var delete = await Retirement.DeleteItemAsync(Admin, id, Ct);
        var close = await Retirement.SetClosedAsync(Admin, id, true, "Đã hợp nhất vào nhiệm vụ khác", Ct);

        await using (var check = Database.NewContext())
        {
            var reports = await check.Reports.CountAsync(r => r.WorkItemId == id, Ct);
            Assert.StartsWith($"Không thể xóa NV-01: đã có {reports} báo cáo tiến độ.", delete.For(""), StringComparison.Ordinal);
        }
        Assert.True(close.Succeeded);
        await using var db = Database.NewContext();
        Assert.Equal(ItemState.Closed, (await db.WorkItems.SingleAsync(i => i.Id == id, Ct)).State);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ItemId == id && e.Reason == "Đã hợp nhất vào nhiệm vụ khác", Ct));
    }

    [Fact]
    public async Task An_item_without_reports_can_be_deleted()
    {
        await Editor.CreateItemAsync(Admin, new ItemInput(WorkItemKind.Document, "VB-90", "Văn bản nhập nhầm", DocumentType: DocumentType.Plan), null, Ct);

        var result = await Retirement.DeleteItemAsync(Admin, await ItemIdAsync("VB-90"), Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        await using var db = Database.NewContext();
        Assert.False(await db.WorkItems.AnyAsync(i => i.Code == "VB-90", Ct));
    }

    [Fact]
    public async Task A_second_edit_from_the_same_version_is_refused_and_says_what_changed()
    {
        var data = (await Editor.GetAsync(await ItemIdAsync("NV-02"), Ct))!;
        await Editor.UpdateItemAsync(Admin, data.Id, data.Version, data.Input, data.Input with { Title = "Tiêu đề của người thứ nhất" }, ct: Ct);

        var second = await Editor.UpdateItemAsync(Admin, data.Id, data.Version, data.Input, data.Input with { Weight = 2m }, ct: Ct);

        Assert.Contains("Người khác vừa lưu thay đổi", second.For(""), StringComparison.Ordinal);
        Assert.Contains("Nội dung: “Thu hút, đãi ngộ nguồn nhân lực chất lượng cao về công tác tại tỉnh” → “Tiêu đề của người thứ nhất”", second.For(""), StringComparison.Ordinal);
        Assert.Equal(1m, (await Editor.GetAsync(data.Id, Ct))!.Input.Weight);
    }

    [Fact]
    public async Task An_edit_with_units_is_saved_whole_or_not_at_all()
    {
        var data = (await Editor.GetAsync(await ItemIdAsync("NV-02"), Ct))!;
        var before = await FingerprintAsync();

        var refused = await Editor.UpdateItemAsync(Admin, data.Id, data.Version, data.Input, data.Input with { Title = "Tên mới" },
            new AssignmentInput("KHONG-CO", [], null), Ct);
        Assert.Equal("Không có đơn vị mã KHONG-CO.", refused.For("LeadUnit"));
        Assert.Equal(before, await FingerprintAsync());

        var saved = await Editor.UpdateItemAsync(Admin, data.Id, data.Version, data.Input, data.Input with { Title = "Tên mới" },
            new AssignmentInput("CT-STC", ["CT-SNV"], "Trần Thị Mai"), Ct);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
        var after = (await Editor.GetAsync(data.Id, Ct))!;
        Assert.Equal(("Tên mới", "CT-STC", "Trần Thị Mai"), (after.Input.Title, after.Assignment.LeadUnitCode, after.Assignment.ResponsiblePerson));
    }

    [Fact]
    public async Task Reassigning_the_lead_keeps_who_led_before()
    {
        var id = await ItemIdAsync("NV-06");
        Database.Clock.SetToday(new DateOnly(2026, 12, 1));

        var result = await Editor.SetAssignmentAsync(Admin, id, new AssignmentInput("CT-SNV", [], null), Ct);

        Assert.True(result.Succeeded);
        await using var db = Database.NewContext();
        var leads = await db.Assignments.Include(a => a.OrgUnit).Where(a => a.WorkItemId == id && a.Role == AssignmentRole.Lead).OrderBy(a => a.StartsOn).ToListAsync(Ct);
        // Sở Tư pháp led until Hậu Giang ended, its Cần Thơ successor until the reassignment.
        Assert.Equal([("STP", (DateOnly?)new DateOnly(2025, 6, 30)), ("CT-STP", new DateOnly(2026, 11, 30)), ("CT-SNV", null)], leads.Select(a => (a.OrgUnit!.Code, a.EndsOn)));
    }
}
