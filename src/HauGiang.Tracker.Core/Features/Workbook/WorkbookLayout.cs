using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;

namespace HauGiang.Tracker.Core.Features.Workbook;

public enum CellKind
{
    Text,
    Integer,
    Decimal,
    Date,
    /// <summary>A deadline as the program words it, or a date cell.</summary>
    Deadline,
    /// <summary>One of a fixed list of words (kinds, states …).</summary>
    Choice,
}

/// <param name="FormerHeaders">Headers earlier versions of the workbook used for this column: files made with them still import.</param>
public sealed record WorkbookColumn(string Header, CellKind Kind, bool Required = false, int MaxLength = TextLimits.Line, IReadOnlyList<string>? Choices = null, bool ReadOnly = false, double Width = 18,
    IReadOnlyList<string>? FormerHeaders = null)
{
    /// <summary>Whether <paramref name="header"/> names this column, by its header or a former one.</summary>
    public bool IsNamed(string header) =>
        string.Equals(Header, header, StringComparison.OrdinalIgnoreCase) || (FormerHeaders ?? []).Contains(header, StringComparer.OrdinalIgnoreCase);
}

public sealed record WorkbookSheet(string Name, IReadOnlyList<WorkbookColumn> Columns)
{
    public WorkbookColumn this[string header] => Columns.Single(c => c.Header == header);
}

/// <summary>
/// The structure workbook: the same sheets and columns for export, import and the blank template, so
/// export → edit in Excel → import is the normal way to bring in the real program.
/// </summary>
public static class WorkbookLayout
{
    public static readonly IReadOnlyDictionary<OrgUnitKind, string> UnitKinds = new Dictionary<OrgUnitKind, string>
    {
        [OrgUnitKind.ProvincialLeadership] = "Lãnh đạo tỉnh",
        [OrgUnitKind.PartyBody] = "Cơ quan tham mưu của Tỉnh ủy",
        [OrgUnitKind.Department] = "Sở, ban, ngành",
        [OrgUnitKind.DistrictLevel] = "Cấp huyện",
        [OrgUnitKind.MassOrganisation] = "Mặt trận, đoàn thể",
        [OrgUnitKind.Other] = "Khác",
    };

    public static readonly IReadOnlyDictionary<ItemState, string> States = new Dictionary<ItemState, string>
    {
        [ItemState.Active] = "Đang theo dõi",
        [ItemState.Closed] = "Đã đóng",
        [ItemState.Dropped] = "Đã bỏ",
    };

    /// <summary>
    /// The words earlier workbooks used for a state, still read on import. "Đang thực hiện" read as a progress
    /// status beside "Chưa hoàn thành, trong hạn"; the item's state only says it is still tracked.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, ItemState> FormerStates = new Dictionary<string, ItemState>(StringComparer.OrdinalIgnoreCase)
    {
        ["Đang thực hiện"] = ItemState.Active,
    };

    public static readonly IReadOnlyDictionary<DocumentType, string> DocumentTypes = new Dictionary<DocumentType, string>
    {
        [DocumentType.Resolution] = "Nghị quyết",
        [DocumentType.Directive] = "Chỉ thị",
        [DocumentType.Conclusion] = "Kết luận",
        [DocumentType.Regulation] = "Quy định",
        [DocumentType.Programme] = "Chương trình",
        [DocumentType.Plan] = "Kế hoạch",
        [DocumentType.Scheme] = "Đề án",
        [DocumentType.Decision] = "Quyết định",
        [DocumentType.Guidance] = "Hướng dẫn",
        [DocumentType.Other] = "Khác",
    };

    public static readonly IReadOnlyDictionary<IndicatorDirection, string> Directions = new Dictionary<IndicatorDirection, string>
    {
        [IndicatorDirection.HigherIsBetter] = "Càng cao càng tốt",
        [IndicatorDirection.LowerIsBetter] = "Càng thấp càng tốt",
    };

    public const string Code = "Mã";
    public const string ItemCode = "Mã nhiệm vụ, văn bản";
    public const string Ordinal = "Thứ tự";
    public const string Deadline = "Thời hạn";
    public const string DeadlineInForce = "Thời hạn hiện hành (chỉ xem)";
    public const string StartsOn = "Ngày bắt đầu";
    public const string Weight = "Trọng số";
    public const string State = "Tình trạng";
    // Headers read as the item editor labels its fields; the former ones stay accepted on import.
    public const string Parent = "Thuộc nhiệm vụ";
    public const string FormerParent = "Mã nhiệm vụ cha";
    public const string Breakthrough = "Đột phá (thứ tự)";
    public const string Group = "Nhóm nhiệm vụ, giải pháp (thứ tự)";
    public const string FormerGroup = "Nhóm (thứ tự)";
    public const string Description = "Mô tả";
    public const string TargetPrefix = "Chỉ tiêu năm ";

    public static readonly WorkbookSheet Units = new("Đơn vị",
    [
        new("Mã đơn vị", CellKind.Text, Required: true, MaxLength: TextLimits.Code, Width: 16),
        new("Tên đơn vị", CellKind.Text, Required: true, MaxLength: TextLimits.Name, Width: 40),
        new("Tên viết tắt", CellKind.Text, MaxLength: TextLimits.Name),
        new("Loại", CellKind.Choice, Required: true, Choices: [.. UnitKinds.Values], Width: 26),
        new("Mã đơn vị cấp trên", CellKind.Text, MaxLength: TextLimits.Code),
        new("Hiệu lực đến", CellKind.Date, Width: 14),
    ]);

    public static readonly WorkbookSheet Breakthroughs = new("Đột phá",
    [
        new(Ordinal, CellKind.Integer, Required: true, Width: 8),
        new("Tên đột phá", CellKind.Text, Required: true, MaxLength: TextLimits.Line, Width: 60),
        new(Description, CellKind.Text, MaxLength: TextLimits.Paragraph, Width: 40),
    ]);

    public static readonly WorkbookSheet Groups = new("Nhóm giải pháp",
    [
        new(Ordinal, CellKind.Integer, Required: true, Width: 8),
        new("Tiêu đề", CellKind.Text, Required: true, MaxLength: TextLimits.Code, Width: 10),
        new("Tên nhóm", CellKind.Text, Required: true, MaxLength: TextLimits.Paragraph, Width: 60),
        new("Nguyên văn", CellKind.Text, MaxLength: TextLimits.Long, Width: 60),
    ]);

    private static IReadOnlyList<WorkbookColumn> ItemTail =>
    [
        new(Description, CellKind.Text, MaxLength: TextLimits.Long, Width: 30),
        new(Parent, CellKind.Text, MaxLength: TextLimits.Code, Width: 12, FormerHeaders: [FormerParent]),
        new(Breakthrough, CellKind.Integer, Width: 10),
        new(Group, CellKind.Integer, Width: 14, FormerHeaders: [FormerGroup]),
        new(Deadline, CellKind.Deadline, MaxLength: TextLimits.Name, Width: 22),
        new(StartsOn, CellKind.Date, Width: 14),
        new(Weight, CellKind.Decimal, Width: 10),
        new(State, CellKind.Choice, Choices: [.. States.Values], Width: 16),
        new(DeadlineInForce, CellKind.Text, MaxLength: TextLimits.Name, ReadOnly: true, Width: 22),
    ];

    public static readonly WorkbookSheet Tasks = new("Nhiệm vụ",
    [
        new(Code, CellKind.Text, Required: true, MaxLength: TextLimits.Code, Width: 10),
        new("Nội dung", CellKind.Text, Required: true, MaxLength: TextLimits.Paragraph, Width: 60),
        .. ItemTail,
    ]);

    public static readonly WorkbookSheet Documents = new("Văn bản",
    [
        new(Code, CellKind.Text, Required: true, MaxLength: TextLimits.Code, Width: 10),
        new("Tên văn bản", CellKind.Text, Required: true, MaxLength: TextLimits.Paragraph, Width: 60),
        new("Loại văn bản", CellKind.Choice, Required: true, Choices: [.. DocumentTypes.Values], Width: 16),
        new("Cấp ban hành", CellKind.Text, MaxLength: TextLimits.Name, Width: 24),
        .. ItemTail,
    ]);

    public static readonly WorkbookSheet Milestones = new("Mốc tiến độ",
    [
        new(ItemCode, CellKind.Text, Required: true, MaxLength: TextLimits.Code, Width: 14),
        new(Ordinal, CellKind.Integer, Required: true, Width: 8),
        new("Nội dung mốc", CellKind.Text, Required: true, MaxLength: TextLimits.Line, Width: 50),
        new("Hạn", CellKind.Date, Width: 14),
        new("Ngày hoàn thành", CellKind.Date, Width: 14),
        new("Ghi chú", CellKind.Text, MaxLength: TextLimits.Paragraph, Width: 30),
    ]);

    public static WorkbookSheet Indicators(int firstYear, int lastYear) => new("Chỉ tiêu",
    [
        new("Mã chỉ tiêu", CellKind.Text, Required: true, MaxLength: TextLimits.Code, Width: 12),
        new("Tên chỉ tiêu", CellKind.Text, Required: true, MaxLength: TextLimits.Line, Width: 50),
        new("Đơn vị tính", CellKind.Text, MaxLength: TextLimits.Code * 2, Width: 12),
        new("Chiều đánh giá", CellKind.Choice, Required: true, Choices: [.. Directions.Values], Width: 20),
        new("Mã đơn vị phụ trách", CellKind.Text, MaxLength: TextLimits.Code, Width: 14),
        new(Group, CellKind.Integer, Width: 14, FormerHeaders: [FormerGroup]),
        new(Breakthrough, CellKind.Integer, Width: 10),
        new(Description, CellKind.Text, MaxLength: TextLimits.Paragraph, Width: 30),
        .. Enumerable.Range(firstYear, lastYear - firstYear + 1).Select(y => new WorkbookColumn($"{TargetPrefix}{y}", CellKind.Text, MaxLength: TextLimits.Name, Width: 12)),
    ]);

    public static readonly WorkbookSheet Assignments = new("Phân công",
    [
        new(ItemCode, CellKind.Text, Required: true, MaxLength: TextLimits.Code, Width: 14),
        new("Mã đơn vị chủ trì", CellKind.Text, MaxLength: TextLimits.Code, Width: 16),
        new("Mã đơn vị phối hợp (cách nhau bằng dấu ;)", CellKind.Text, MaxLength: TextLimits.Line, Width: 30),
        new("Cá nhân phụ trách", CellKind.Text, MaxLength: TextLimits.Name, Width: 24),
    ]);

    public static IReadOnlyList<WorkbookSheet> Sheets(int firstYear, int lastYear) =>
        [Units, Breakthroughs, Groups, Tasks, Documents, Milestones, Indicators(firstYear, lastYear), Assignments];

    /// <summary>Sheets the import reads past: instructions and the lists behind the drop-downs.</summary>
    public const string GuideSheet = "Hướng dẫn";
    public const string ListsSheet = "Danh mục";
}
