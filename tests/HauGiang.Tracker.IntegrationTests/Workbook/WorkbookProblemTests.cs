using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Workbook;
using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.IntegrationTests.Workbook;

/// <summary>Each kind of bad workbook is reported where a person would look, and nothing is imported.</summary>
public class WorkbookProblemTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private static byte[]? _exported;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (_exported is null)
        {
            using var stream = new MemoryStream();
            await Get<StructureWorkbookService>().ExportAsync(Admin, stream, Ct);
            _exported = stream.ToArray();
        }
    }

    /// <summary>Imports (for real) and checks the refusal names the place and changed nothing.</summary>
    private async Task<ImportProblem> RefusedAsync(byte[] workbook) => (await EveryProblemAsync(workbook))[0];

    private async Task<IReadOnlyList<ImportProblem>> EveryProblemAsync(byte[] workbook)
    {
        var before = await DatabaseFingerprint.TakeAsync(Database, Ct);
        using var stream = new MemoryStream(workbook);

        var result = await Get<StructureWorkbookService>().ImportAsync(Admin, stream, "hong.xlsx", null, Ct);

        Assert.False(result.CanImport);
        Assert.Equal(before, await DatabaseFingerprint.TakeAsync(Database, Ct));
        return result.Problems;
    }

    private static WorkbookEditor Edit() => new(_exported!);

    [Fact]
    public async Task A_missing_sheet()
    {
        var problem = await RefusedAsync(Edit().RemoveSheet("Phân công").Save());
        Assert.Equal(("Phân công", 0, "Thiếu trang tính “Phân công”."), (problem.Sheet, problem.Row, problem.Message));
    }

    [Fact]
    public async Task A_sheet_that_does_not_belong()
    {
        var problem = await RefusedAsync(Edit().RenameSheet("Mốc tiến độ", "Mốc").Save());
        Assert.Equal("Mốc", problem.Sheet);
        Assert.Contains("không thuộc mẫu", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_column()
    {
        var problems = await EveryProblemAsync(Edit().RenameHeader("Nhiệm vụ", WorkbookLayout.Parent, "Cha").Save());

        // The renamed header is both a column that does not belong and a column that is missing.
        Assert.Contains(problems, p => (p.Sheet, p.Row, p.Column) == ("Nhiệm vụ", 1, "Cha"));
        Assert.Contains(problems, p => (p.Sheet, p.Row, p.Column, p.Message) == ("Nhiệm vụ", 1, WorkbookLayout.Parent, $"Thiếu cột “{WorkbookLayout.Parent}”."));
    }

    [Fact]
    public async Task A_duplicate_code()
    {
        using var edit = Edit();
        var row = edit.RowOf("Văn bản", "VB-02");
        edit.Set("Văn bản", row, "Mã", "VB-01");
        var problem = await RefusedAsync(edit.Save());
        Assert.Equal(("Văn bản", row, "Mã"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("bị trùng", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_unit()
    {
        using var edit = Edit();
        var row = edit.RowOf("Phân công", "NV-03");
        edit.Set("Phân công", row, "Mã đơn vị chủ trì", "SO-KHONG-CO");
        var problem = await RefusedAsync(edit.Save());
        Assert.Equal(("Phân công", row, "Mã đơn vị chủ trì", "Không có đơn vị mã SO-KHONG-CO."), (problem.Sheet, problem.Row, problem.Column, problem.Message));
    }

    [Fact]
    public async Task A_child_whose_parent_is_missing()
    {
        using var edit = Edit();
        var row = edit.RowOf("Nhiệm vụ", "NV-03");
        edit.Set("Nhiệm vụ", row, WorkbookLayout.Parent, "NV-99");
        var problem = await RefusedAsync(edit.Save());
        Assert.Equal(("Nhiệm vụ", row, WorkbookLayout.Parent), (problem.Sheet, problem.Row, problem.Column));
    }

    [Fact]
    public async Task A_cycle_in_the_task_tree()
    {
        using var edit = Edit();
        edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-01"), WorkbookLayout.Parent, "NV-02");
        edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-02"), WorkbookLayout.Parent, "NV-03");
        edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-03"), WorkbookLayout.Parent, "NV-01");
        var problem = await RefusedAsync(edit.Save());
        Assert.Equal(WorkbookLayout.Parent, problem.Column);
        Assert.Contains("vòng lặp: NV-01 → NV-02 → NV-03 → NV-01", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_that_is_not_a_date()
    {
        using var edit = Edit();
        var row = edit.RowOf("Nhiệm vụ", "NV-05");
        edit.Set("Nhiệm vụ", row, WorkbookLayout.StartsOn, "31/02/2022");
        var problem = await RefusedAsync(edit.Save());
        Assert.Equal(("Nhiệm vụ", row, WorkbookLayout.StartsOn), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("không phải ngày hợp lệ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_that_is_not_a_deadline()
    {
        using var edit = Edit();
        var row = edit.RowOf("Văn bản", "VB-05");
        edit.Set("Văn bản", row, WorkbookLayout.Deadline, "sớm nhất có thể");
        var problem = await RefusedAsync(edit.Save());
        Assert.Equal(("Văn bản", row, WorkbookLayout.Deadline), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("Không hiểu thời hạn", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deadline_before_the_start_date()
    {
        using var edit = Edit();
        var row = edit.RowOf("Nhiệm vụ", "NV-02");
        edit.Set("Nhiệm vụ", row, WorkbookLayout.StartsOn, "01/01/2023");
        var problem = await RefusedAsync(edit.Save());
        Assert.Equal(("Nhiệm vụ", row, WorkbookLayout.Deadline), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("không được trước ngày bắt đầu (01/01/2023)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_over_its_limit()
    {
        using var edit = Edit();
        var row = edit.RowOf("Nhiệm vụ", "NV-02");
        edit.Set("Nhiệm vụ", row, "Nội dung", new string('ạ', 4001));
        var problem = await RefusedAsync(edit.Save());
        Assert.Equal(("Nhiệm vụ", row, "Nội dung"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("quá giới hạn 4000 ký tự", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_outside_its_list()
    {
        using var edit = Edit();
        var row = edit.RowOf("Đơn vị", "SNV");
        edit.Set("Đơn vị", row, "Loại", "Bộ");
        var problem = await RefusedAsync(edit.Save());
        Assert.Equal(("Đơn vị", row, "Loại"), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains("Chọn một trong: Lãnh đạo tỉnh;", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook()
    {
        var problem = await RefusedAsync("Đây là một tệp văn bản, không phải Excel."u8.ToArray());
        Assert.Equal("Tệp này không phải tệp Excel (.xlsx) hợp lệ.", problem.Message);
    }

    [Fact]
    public async Task A_huge_file()
    {
        var huge = new byte[StructureWorkbookService.MaxBytes + 1];
        _exported!.CopyTo(huge, 0);
        var problem = await RefusedAsync(huge);
        Assert.StartsWith("Tệp quá lớn", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_listed_not_just_the_first()
    {
        using var edit = Edit();
        edit.Set("Nhiệm vụ", edit.RowOf("Nhiệm vụ", "NV-01"), "Nội dung", null);
        edit.Set("Văn bản", edit.RowOf("Văn bản", "VB-01"), WorkbookLayout.Weight, "nặng");
        edit.Set("Đơn vị", edit.RowOf("Đơn vị", "STC"), "Hiệu lực đến", "hôm qua");
        using var stream = new MemoryStream(edit.Save());

        var preview = await Get<StructureWorkbookService>().PreviewAsync(Admin, stream, Ct);

        Assert.Equal(["Đơn vị", "Nhiệm vụ", "Văn bản"], preview.Problems.Select(p => p.Sheet).Order());
        Assert.Contains(preview.Problems, p => p.Message == "Thiếu giá trị bắt buộc.");
    }

    [Fact]
    public async Task Only_administrators_may_check_or_import_a_workbook()
    {
        var staff = new Actor("s", "Cán bộ", new HashSet<string> { Roles.UnitStaff }, new HashSet<int> { 1 });
        using var stream = new MemoryStream(_exported!);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<StructureWorkbookService>().PreviewAsync(staff, stream, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Get<StructureWorkbookService>().ImportAsync(staff, stream, "x.xlsx", null, Ct));
    }
}
