using System.Globalization;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Seeding;

/// <summary>
/// Clearly labelled sample items (IsSample) standing in for the 14 tasks and 20+ documents the source
/// does not list, so the app is alive before an administrator imports the real program. Their reports
/// follow fixed patterns that exercise every status on both axes.
/// </summary>
internal static class SampleData
{
    public const string AmendmentNumber = "Kết luận mẫu số 01-KL/TU";
    public static readonly DateOnly AmendmentDate = new(2024, 6, 28);

    private static readonly DateOnly AgenciesMerged = new(2025, 2, 19);
    private const string AgenciesBasis = "Sắp xếp tổ chức bộ máy các cơ quan chuyên môn thuộc UBND tỉnh (18 cơ quan thành 12)";

    /// <summary>
    /// Departments the samples assign work to, besides the units the source names; flagged IsSample. They follow
    /// the 2025 reorganisation like the real ones: the 19/02/2025 mergers, then the Cần Thơ departments from 01/07/2025.
    /// </summary>
    public static readonly IReadOnlyList<UnitSeed> Units =
    [
        new("SGDDT", "Sở Giáo dục và Đào tạo", "Sở GD&ĐT", OrgUnitKind.Department, ProgramSource.HauGiangEnds),
        new("STP", "Sở Tư pháp", "Sở Tư pháp", OrgUnitKind.Department, ProgramSource.HauGiangEnds),
        new("STTTT", "Sở Thông tin và Truyền thông", "Sở TT&TT", OrgUnitKind.Department, AgenciesMerged.AddDays(-1)),
        new("SXD", "Sở Xây dựng", "Sở Xây dựng", OrgUnitKind.Department, ProgramSource.HauGiangEnds),
        new("SLDTBXH", "Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH", OrgUnitKind.Department, AgenciesMerged.AddDays(-1)),
        new("SCT", "Sở Công Thương", "Sở Công Thương", OrgUnitKind.Department, ProgramSource.HauGiangEnds),
        new("STNMT", "Sở Tài nguyên và Môi trường", "Sở TN&MT", OrgUnitKind.Department, AgenciesMerged.AddDays(-1)),
        new("SKHCN", "Sở Khoa học và Công nghệ", "Sở KH&CN", OrgUnitKind.Department, ProgramSource.HauGiangEnds),
        new("SNNMT", "Sở Nông nghiệp và Môi trường", "Sở NN&MT", OrgUnitKind.Department, ProgramSource.HauGiangEnds, AgenciesMerged),
        new("CT-SGDDT", "Sở Giáo dục và Đào tạo thành phố Cần Thơ", "Sở GD&ĐT TP Cần Thơ", OrgUnitKind.Department, ValidFrom: ProgramSource.CanThoBegins),
        new("CT-STP", "Sở Tư pháp thành phố Cần Thơ", "Sở Tư pháp TP Cần Thơ", OrgUnitKind.Department, ValidFrom: ProgramSource.CanThoBegins),
        new("CT-SXD", "Sở Xây dựng thành phố Cần Thơ", "Sở Xây dựng TP Cần Thơ", OrgUnitKind.Department, ValidFrom: ProgramSource.CanThoBegins),
        new("CT-SCT", "Sở Công Thương thành phố Cần Thơ", "Sở Công Thương TP Cần Thơ", OrgUnitKind.Department, ValidFrom: ProgramSource.CanThoBegins),
        new("CT-SKHCN", "Sở Khoa học và Công nghệ thành phố Cần Thơ", "Sở KH&CN TP Cần Thơ", OrgUnitKind.Department, ValidFrom: ProgramSource.CanThoBegins),
        new("CT-SNNMT", "Sở Nông nghiệp và Môi trường thành phố Cần Thơ", "Sở NN&MT TP Cần Thơ", OrgUnitKind.Department, ValidFrom: ProgramSource.CanThoBegins),
    ];

    /// <summary>The sample departments' part of the 2025 reorganisation (the real units' part is in ProgramSource.Mergers).</summary>
    public static readonly IReadOnlyList<MergerSeed> Mergers =
    [
        new(["SLDTBXH"], "SNV", AgenciesMerged, AgenciesBasis),
        new(["STTTT"], "SKHCN", AgenciesMerged, AgenciesBasis),
        new(["STNMT"], "SNNMT", AgenciesMerged, AgenciesBasis),
        new(["SGDDT"], "CT-SGDDT", ProgramSource.CanThoBegins, ProgramSource.CanThoBasis),
        new(["STP"], "CT-STP", ProgramSource.CanThoBegins, ProgramSource.CanThoBasis),
        new(["SXD"], "CT-SXD", ProgramSource.CanThoBegins, ProgramSource.CanThoBasis),
        new(["SCT"], "CT-SCT", ProgramSource.CanThoBegins, ProgramSource.CanThoBasis),
        new(["SKHCN"], "CT-SKHCN", ProgramSource.CanThoBegins, ProgramSource.CanThoBasis),
        new(["SNNMT"], "CT-SNNMT", ProgramSource.CanThoBegins, ProgramSource.CanThoBasis),
    ];

    private static Deadline D(string text) =>
        DeadlineParser.TryParse(text, ProgramSource.FirstYear, ProgramSource.LastYear, out var d) ? d : throw new InvalidOperationException(text);

    public static readonly IReadOnlyList<ItemSeed> Items =
    [
        new("NV-01", WorkItemKind.Task, "Nâng cao chất lượng đào tạo nghề cho lao động nông thôn", D("Năm 2022"), Breakthrough: 1, Lead: "SLDTBXH", Coordinating: ["SGDDT"]),
        new("NV-02", WorkItemKind.Task, "Thu hút, đãi ngộ nguồn nhân lực chất lượng cao về công tác tại tỉnh", D("Quý IV/2022"), Breakthrough: 1, Lead: "SNV", Coordinating: ["TU-BTC", "STC"]),
        new("NV-03", WorkItemKind.Task, "Đào tạo, bồi dưỡng cán bộ, công chức cấp xã đạt chuẩn theo quy định", D("Năm 2023"), Breakthrough: 1, Lead: "TU-BTC", Coordinating: ["SNV"]),
        new("NV-04", WorkItemKind.Task, "Nâng tỷ lệ trường đạt chuẩn quốc gia các cấp học", D("Năm 2024"), Breakthrough: 1, Lead: "SGDDT"),
        new("NV-05", WorkItemKind.Task, "Rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý các cấp", D("Hằng năm"), Breakthrough: 1, Lead: "TU-BTC"),
        new("NV-06", WorkItemKind.Task, "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do tỉnh ban hành", D("Quý II/2022"), Breakthrough: 2, Lead: "STP"),
        new("NV-07", WorkItemKind.Task, "Cải thiện các chỉ số PAR INDEX và SIPAS của tỉnh", D("Năm 2023"), Breakthrough: 2, Group: 5, Lead: "SNV"),
        new("NV-08", WorkItemKind.Task, "Cung cấp dịch vụ công trực tuyến toàn trình cho các thủ tục đủ điều kiện", D("Năm 2024"), Breakthrough: 2, Group: 5, Lead: "STTTT"),
        new("NV-09", WorkItemKind.Task, "Hỗ trợ doanh nghiệp nhỏ và vừa, khởi nghiệp đổi mới sáng tạo", D("Năm 2024"), Breakthrough: 2, Lead: "SKHDT", Coordinating: ["SCT"]),
        new("NV-10", WorkItemKind.Task, "Tổ chức đối thoại giữa lãnh đạo tỉnh với doanh nghiệp, nhà đầu tư", D("Thường xuyên"), Breakthrough: 2, Group: 5, Lead: "SKHDT"),
        new("NV-11", WorkItemKind.Task, "Hoàn thành lập Quy hoạch tỉnh thời kỳ 2021–2030, tầm nhìn đến năm 2050", D("Quý IV/2022"), Breakthrough: 3, Lead: "SKHDT", Coordinating: ["SXD", "STNMT"]),
        new("NV-12", WorkItemKind.Task, "Lập, điều chỉnh quy hoạch chung các đô thị trên địa bàn tỉnh", D("Năm 2023"), Breakthrough: 3, Lead: "SXD", Coordinating: ["HX-VITHANH", "HX-NGABAY", "HX-TXLONGMY"]),
        new("NV-13", WorkItemKind.Task, "Lập kế hoạch sử dụng đất hằng năm cấp huyện", D("Năm 2024"), Breakthrough: 3, Lead: "HX-VITHANH", Coordinating: ["STNMT"]),
        new("NV-14", WorkItemKind.Task, "Đầu tư hạ tầng khu công nghiệp trên địa bàn huyện", D("Năm 2025"), Breakthrough: 3, Lead: "HX-CHAUTHANH", Coordinating: ["SCT"]),

        new("VB-01", WorkItemKind.Document, "Nghị quyết về phát triển nguồn nhân lực tỉnh Hậu Giang giai đoạn 2021–2025", D("Quý IV/2021"), Breakthrough: 1, Lead: "TU-BTC", DocumentType: DocumentType.Resolution, IssuingAuthority: "Ban Chấp hành Đảng bộ tỉnh"),
        new("VB-02", WorkItemKind.Document, "Đề án đào tạo, bồi dưỡng cán bộ trẻ có triển vọng", D("Quý II/2022"), Breakthrough: 1, Lead: "TU-BTC", DocumentType: DocumentType.Scheme, IssuingAuthority: "Ban Thường vụ Tỉnh ủy"),
        new("VB-03", WorkItemKind.Document, "Kế hoạch đào tạo nghề cho lao động nông thôn giai đoạn 2021–2025", D("Quý IV/2021"), Breakthrough: 1, Lead: "SLDTBXH", DocumentType: DocumentType.Plan, IssuingAuthority: "UBND tỉnh"),
        new("VB-04", WorkItemKind.Document, "Quy định chính sách thu hút nguồn nhân lực chất lượng cao", D("Năm 2022"), Breakthrough: 1, Lead: "SNV", DocumentType: DocumentType.Regulation, IssuingAuthority: "HĐND tỉnh"),
        new("VB-05", WorkItemKind.Document, "Kế hoạch nâng cao chất lượng giáo dục phổ thông", D("30/06/2022"), Breakthrough: 1, Lead: "SGDDT", DocumentType: DocumentType.Plan, IssuingAuthority: "UBND tỉnh"),
        new("VB-06", WorkItemKind.Document, "Chỉ thị về nâng cao chất lượng sinh hoạt chi bộ", D("Quý I/2022"), Breakthrough: 1, Group: 2, Lead: "TU-BTC", DocumentType: DocumentType.Directive, IssuingAuthority: "Ban Thường vụ Tỉnh ủy"),
        new("VB-07", WorkItemKind.Document, "Đề án vị trí việc làm trong cơ quan hành chính cấp tỉnh, cấp huyện", D("Năm 2023"), Breakthrough: 1, Group: 2, Lead: "SNV", DocumentType: DocumentType.Scheme, IssuingAuthority: "UBND tỉnh"),
        new("VB-08", WorkItemKind.Document, "Nghị quyết về cải thiện môi trường đầu tư, kinh doanh", D("Quý III/2022"), Breakthrough: 2, Lead: "SKHDT", DocumentType: DocumentType.Resolution, IssuingAuthority: "Ban Thường vụ Tỉnh ủy"),
        new("VB-09", WorkItemKind.Document, "Kế hoạch nâng cao chỉ số năng lực cạnh tranh cấp tỉnh giai đoạn 2021–2025", D("Quý IV/2021"), Breakthrough: 2, Group: 5, Lead: "SKHDT", DocumentType: DocumentType.Plan, IssuingAuthority: "UBND tỉnh"),
        new("VB-10", WorkItemKind.Document, "Quyết định công bố bộ thủ tục hành chính liên thông", D("Quý II/2022"), Breakthrough: 2, Group: 5, Lead: "STP", DocumentType: DocumentType.Decision, IssuingAuthority: "Chủ tịch UBND tỉnh"),
        new("VB-11", WorkItemKind.Document, "Quy định phân cấp quản lý đầu tư công", D("Năm 2023"), Breakthrough: 2, Lead: "STC", DocumentType: DocumentType.Regulation, IssuingAuthority: "HĐND tỉnh"),
        new("VB-12", WorkItemKind.Document, "Kế hoạch chuyển đổi số tỉnh Hậu Giang đến năm 2025", D("Quý III/2021"), Breakthrough: 2, Group: 5, Lead: "STTTT", DocumentType: DocumentType.Plan, IssuingAuthority: "UBND tỉnh"),
        new("VB-13", WorkItemKind.Document, "Đề án xây dựng chính quyền số", D("Năm 2023"), Breakthrough: 2, Group: 5, Lead: "STTTT", DocumentType: DocumentType.Scheme, IssuingAuthority: "UBND tỉnh"),
        new("VB-14", WorkItemKind.Document, "Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính", D("Quý I/2023"), Breakthrough: 2, Lead: "SNV", DocumentType: DocumentType.Directive, IssuingAuthority: "Ban Thường vụ Tỉnh ủy"),
        new("VB-15", WorkItemKind.Document, "Quy chế phối hợp tháo gỡ khó khăn, vướng mắc cho nhà đầu tư", D("Năm 2024"), Breakthrough: 2, Group: 5, Lead: "SKHDT", DocumentType: DocumentType.Regulation, IssuingAuthority: "UBND tỉnh"),
        new("VB-16", WorkItemKind.Document, "Kế hoạch thực hiện Quy hoạch tỉnh thời kỳ 2021–2030", D("Năm 2024"), Breakthrough: 3, Group: 6, Lead: "SKHDT", DocumentType: DocumentType.Plan, IssuingAuthority: "UBND tỉnh"),
        new("VB-17", WorkItemKind.Document, "Chương trình phát triển đô thị tỉnh Hậu Giang", D("Năm 2023"), Breakthrough: 3, Lead: "SXD", DocumentType: DocumentType.Programme, IssuingAuthority: "UBND tỉnh"),
        new("VB-18", WorkItemKind.Document, "Đề án phát triển du lịch gắn với văn hóa sông nước", D("Năm 2024"), Breakthrough: 3, Lead: "HX-NGABAY", DocumentType: DocumentType.Scheme, IssuingAuthority: "UBND tỉnh"),
        new("VB-19", WorkItemKind.Document, "Kế hoạch phát triển các khu, cụm công nghiệp", D("Quý II/2023"), Breakthrough: 3, Lead: "SCT", DocumentType: DocumentType.Plan, IssuingAuthority: "UBND tỉnh"),
        new("VB-20", WorkItemKind.Document, "Nghị quyết về xây dựng và phát triển thành phố Vị Thanh", D("Năm 2022"), Breakthrough: 3, Lead: "HX-VITHANH", DocumentType: DocumentType.Resolution, IssuingAuthority: "Ban Thường vụ Tỉnh ủy"),
        new("VB-21", WorkItemKind.Document, "Kế hoạch ứng phó với biến đổi khí hậu", D("Năm 2023"), Breakthrough: 3, Lead: "STNMT", DocumentType: DocumentType.Plan, IssuingAuthority: "UBND tỉnh"),
        new("VB-22", WorkItemKind.Document, "Quy hoạch chung xây dựng thị xã Long Mỹ", D("Năm 2025"), Breakthrough: 3, Lead: "HX-TXLONGMY", DocumentType: DocumentType.Decision, IssuingAuthority: "UBND tỉnh"),
    ];

    /// <summary>The ways a sample item's reporting went; chosen by position so every status shows.</summary>
    public enum Pattern
    {
        DoneOnTime,
        DoneLate,
        OverdueInProgress,
        AdjustedStillOpen,
        NotStarted,
        AwaitingConfirmation,
    }

    /// <summary>
    /// A sample issued document's number in its issuer's form: a Party body "05-NQ/TU"; UBND "05/KH-UBND";
    /// a regulation is a legal normative document with its year: of HĐND a resolution "05/2022/NQ-HĐND",
    /// of UBND a decision "05/2022/QĐ-UBND".
    /// </summary>
    public static string NumberFor(RequiredDocument document, DateOnly issuedOn)
    {
        var authority = document.IssuingAuthority ?? "";
        var n = document.Ordinal.ToString("00", CultureInfo.InvariantCulture);
        if (authority.Contains("HĐND", StringComparison.Ordinal))
        {
            return string.Create(CultureInfo.InvariantCulture, $"{n}/{issuedOn.Year}/NQ-HĐND");
        }
        if (authority.Contains("Tỉnh ủy", StringComparison.Ordinal) || authority.Contains("Đảng bộ", StringComparison.Ordinal))
        {
            return $"{n}-{TypeSymbol(document.DocumentType, party: true)}/TU";
        }
        return document.DocumentType == DocumentType.Regulation
            ? string.Create(CultureInfo.InvariantCulture, $"{n}/{issuedOn.Year}/QĐ-UBND")
            : $"{n}/{TypeSymbol(document.DocumentType, party: false)}-UBND";
    }

    // The type abbreviations of Nghị định 30/2020/NĐ-CP and of the Party's Hướng dẫn 36-HD/VPTW.
    private static string TypeSymbol(DocumentType type, bool party) => type switch
    {
        DocumentType.Resolution => "NQ",
        DocumentType.Directive => "CT",
        DocumentType.Conclusion => "KL",
        DocumentType.Regulation => party ? "QĐi" : "QĐ",
        DocumentType.Programme => "CTr",
        DocumentType.Plan => "KH",
        DocumentType.Scheme => "ĐA",
        DocumentType.Decision => "QĐ",
        DocumentType.Guidance => "HD",
        _ => party ? "TB" : "QĐ",
    };

    public static Pattern PatternOf(int index) => (Pattern)(index % 6);

    /// <summary>Where the sample amendment moves an adjusted item's deadline: within the 2020–2025 term, which the program does not outrun.</summary>
    public static Deadline AdjustedDeadline(int index) =>
        index % 2 == 0 ? D("Năm 2025") : D("Quý II/2025");

    public static Indicator TrainedWorkforce(int programId, int? unitId) => new()
    {
        ProgramId = programId,
        Code = "CT-M01",
        Name = "Tỷ lệ lao động qua đào tạo (mẫu)",
        Measure = "%",
        Direction = IndicatorDirection.HigherIsBetter,
        ResponsibleUnitId = unitId,
        BreakthroughId = null,
        Description = "Chỉ tiêu mẫu để minh họa; thay bằng chỉ tiêu thật khi nhập chương trình.",
        IsSample = true,
    };

    public static readonly IReadOnlyList<(int Year, decimal Target)> TrainedWorkforceTargets =
        [(2021, 60m), (2022, 62m), (2023, 64m), (2024, 66m), (2025, 70m)];
}
