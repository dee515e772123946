namespace HauGiang.Tracker.Core.Features.Workbook;

/// <summary>Writes a structure snapshot (or nothing, for the blank template) as the structure workbook.</summary>
internal static class WorkbookExport
{
    public static void Write(Stream output, StructureSnapshot? snapshot, int firstYear, int lastYear)
    {
        using var writer = new SheetWriter(output);
        var sheets = WorkbookLayout.Sheets(firstYear, lastYear);
        var lists = Lists();
        writer.AddSheet(new WorkbookSheet(WorkbookLayout.GuideSheet, [new("Hướng dẫn", CellKind.Text, Width: 120)]), Guide().Select(line => (IReadOnlyList<CellValueOut>)[line]));
        var references = new Dictionary<string, string>();
        for (var i = 0; i < lists.Count; i++)
        {
            references[lists[i].Header] = $"'{WorkbookLayout.ListsSheet}'!${SheetWriter.Letter(i)}$2:${SheetWriter.Letter(i)}${lists[i].Values.Count + 1}";
        }
        var s = snapshot;
        writer.AddSheet(sheets[0], s?.Units.Select(u => Row(u.Input.Code, u.Input.Name, u.Input.ShortName, WorkbookLayout.UnitKinds[u.Input.Kind], u.Input.ParentCode, CellValueOut.Of(u.Input.ValidTo))) ?? [], references);
        writer.AddSheet(sheets[1], s?.Breakthroughs.Select(b => Row(CellValueOut.Of(b.Ordinal), b.Title, b.Description)) ?? [], references);
        writer.AddSheet(sheets[2], s?.Groups.Select(g => Row(CellValueOut.Of(g.Ordinal), g.Heading, g.Title, g.Text)) ?? [], references);
        writer.AddSheet(sheets[3], s?.Tasks.Select(i => Row([i.Input.Code, i.Input.Title, .. ItemTail(i)])) ?? [], references);
        writer.AddSheet(sheets[4], s?.Documents.Select(i => Row([i.Input.Code, i.Input.Title, WorkbookLayout.DocumentTypes[i.Input.DocumentType], i.Input.IssuingAuthority, .. ItemTail(i)])) ?? [], references);
        writer.AddSheet(sheets[5], s?.Milestones.Select(m => Row(m.ItemCode, CellValueOut.Of(m.Milestone.Ordinal), m.Milestone.Title, CellValueOut.Of(m.Milestone.DueDate), CellValueOut.Of(m.Milestone.CompletedOn), m.Milestone.Note)) ?? [], references);
        writer.AddSheet(sheets[6], s?.Indicators.Select(i => Row([i.Input.Code, i.Input.Name, i.Input.Measure, WorkbookLayout.Directions[i.Input.Direction], i.Input.ResponsibleUnitCode,
            CellValueOut.Of(i.Input.GroupOrdinal), CellValueOut.Of(i.Input.BreakthroughOrdinal), i.Input.Description,
            .. Enumerable.Range(firstYear, lastYear - firstYear + 1).Select(y => (CellValueOut)i.Input.Targets.GetValueOrDefault(y))])) ?? [], references);
        writer.AddSheet(sheets[7], s?.Assignments.Select(a => Row(a.ItemCode, a.Input.LeadUnitCode, string.Join("; ", a.Input.CoordinatingUnitCodes), a.Input.ResponsiblePerson)) ?? [], references);
        writer.AddSheet(new WorkbookSheet(WorkbookLayout.ListsSheet, [.. lists.Select(l => new WorkbookColumn(l.Header, CellKind.Text, Width: 28))]),
            Enumerable.Range(0, lists.Max(l => l.Values.Count)).Select(r => (IReadOnlyList<CellValueOut>)[.. lists.Select(l => (CellValueOut)l.Values.ElementAtOrDefault(r))]));
    }

    private static IReadOnlyList<CellValueOut> Row(params CellValueOut[] cells) => cells;

    private static CellValueOut[] ItemTail(ItemSheetRow i) =>
    [
        i.Input.Description, i.Input.ParentCode, CellValueOut.Of(i.Input.BreakthroughOrdinal), CellValueOut.Of(i.Input.GroupOrdinal),
        i.Input.Deadline, CellValueOut.Of(i.Input.StartsOn), CellValueOut.Of(i.Input.Weight), WorkbookLayout.States[i.State], i.DeadlineInForce,
    ];

    private static List<(string Header, IReadOnlyList<string> Values)> Lists() =>
    [
        ("Loại", [.. WorkbookLayout.UnitKinds.Values]),
        ("Loại văn bản", [.. WorkbookLayout.DocumentTypes.Values]),
        (WorkbookLayout.State, [.. WorkbookLayout.States.Values]),
        ("Chiều đánh giá", [.. WorkbookLayout.Directions.Values]),
    ];

    private static IEnumerable<string> Guide() =>
    [
        "Sổ tính cấu trúc Chương trình: xuất ra, sửa trong Excel, rồi nhập lại. Không đổi tên trang tính và tên cột ở dòng đầu.",
        "Mỗi đơn vị, nhiệm vụ, văn bản, chỉ tiêu được nhận ra theo cột Mã: sửa nội dung giữ nguyên mã; thêm dòng với mã mới để bổ sung.",
        "Nhiệm vụ, văn bản không còn trong tệp Excel sẽ được đánh dấu “Đã bỏ” (không xóa, báo cáo cũ vẫn giữ).",
        "Thời hạn ghi như trong Chương trình: 30/06/2022, trước ngày 30/6/2022, Quý III/2021, Năm 2022, giai đoạn 2023–2025, Hằng năm, Thường xuyên; hoặc nhập ô ngày.",
        "Ngày nhập là ô ngày của Excel hoặc chữ dạng dd/mm/yyyy.",
        "Cột “Thời hạn hiện hành (chỉ xem)” cho biết thời hạn sau các lần điều chỉnh; thời hạn mới được ghi bằng văn bản điều chỉnh, không sửa ở đây.",
        "Phân công: mỗi nhiệm vụ, văn bản một dòng; nhiều đơn vị phối hợp cách nhau bằng dấu chấm phẩy (;).",
        "Trước khi nhập, chương trình kiểm tra toàn bộ tệp và liệt kê từng lỗi theo trang, dòng, cột; chỉ khi không còn lỗi mới nhập, và nhập tất cả hoặc không gì cả.",
    ];
}
