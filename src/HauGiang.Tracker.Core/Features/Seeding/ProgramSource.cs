using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Units;

namespace HauGiang.Tracker.Core.Features.Seeding;

/// <summary>
/// What the source text (docs/source/program-50-ctr-tu.vi.txt) and the domain notes name, seeded as
/// real data. Item titles are the source's own words. The source assigns no unit to these items and
/// lists none of the 14 tasks or 20+ documents: those come from the administrators (see SampleData).
/// </summary>
internal static partial class ProgramSource
{
    public const string ProgramCode = "50-CTr/TU";
    public const int FirstYear = 2021;
    public const int LastYear = 2025;

    public static readonly DateOnly IssuedOn = new(2021, 8, 9);
    public static readonly DateOnly DistrictLevelEnds = new(2025, 6, 30);

    /// <summary>The last day of tỉnh Hậu Giang: from the next day it is part of thành phố Cần Thơ.</summary>
    public static readonly DateOnly HauGiangEnds = new(2025, 6, 30);
    public static readonly DateOnly CanThoBegins = new(2025, 7, 1);
    public const string CanThoPeoplesCommittee = UnitAdministration.DistrictLevelSuccessorCode;
    public const string CanThoPartyCommittee = "CT-TU";
    public const string CanThoBasis = "Hợp nhất tỉnh Hậu Giang, tỉnh Sóc Trăng và thành phố Cần Thơ thành thành phố Cần Thơ; không tổ chức cấp huyện (từ 01/07/2025)";

    public static ActionProgram Program() => new()
    {
        Code = ProgramCode,
        Title = "Chương trình triển khai Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Hậu Giang lần thứ XIV, nhiệm kỳ 2020–2025",
        IssuingBody = "Ban Chấp hành Đảng bộ tỉnh Hậu Giang",
        IssuedOn = IssuedOn,
        TermStartYear = 2020,
        TermEndYear = 2025,
        Implements = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Hậu Giang lần thứ XIV, nhiệm kỳ 2020–2025",
        Motto = "chủ trương 1, chương trình 10, hành động 100",
        Spirit = "đổi mới, đột phá, quyết tâm và khát vọng",
        Goal = "Từng bước đạt được khát vọng vươn lên, xây dựng quê hương Hậu Giang ngày càng giàu đẹp, sớm trở thành tỉnh khá trong vùng đồng bằng sông Cửu Long.",
    };

    public static readonly IReadOnlyList<string> Breakthroughs =
    [
        "Nâng cao chất lượng nguồn nhân lực",
        "Hoàn thiện đồng bộ hệ thống cơ chế, chính sách để tạo lập môi trường đầu tư, kinh doanh lành mạnh, thuận lợi cho doanh nghiệp và người dân",
        "Xây dựng định hướng chiến lược phát triển và quy hoạch tỉnh Hậu Giang",
    ];

    public static readonly IReadOnlyList<UnitSeed> Units =
    [
        new("TU-BTC", "Ban Tổ chức Tỉnh ủy", "Ban Tổ chức", OrgUnitKind.PartyBody, HauGiangEnds),
        new("TU-BTG", "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo", OrgUnitKind.PartyBody, HauGiangEnds),
        new("TU-BDV", "Ban Dân vận Tỉnh ủy", "Ban Dân vận", OrgUnitKind.PartyBody, HauGiangEnds),
        new("TU-UBKT", "Ủy ban Kiểm tra Tỉnh ủy", "UBKT Tỉnh ủy", OrgUnitKind.PartyBody, HauGiangEnds),
        new("TU-VP", "Văn phòng Tỉnh ủy", "Văn phòng Tỉnh ủy", OrgUnitKind.PartyBody, HauGiangEnds),
        new("UBND", "Ủy ban nhân dân tỉnh Hậu Giang", "UBND tỉnh", OrgUnitKind.ProvincialLeadership, HauGiangEnds),
        new("SKHDT", "Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", OrgUnitKind.Department, new DateOnly(2025, 2, 18)),
        new("STC", "Sở Tài chính", "Sở Tài chính", OrgUnitKind.Department, HauGiangEnds),
        new("SNV", "Sở Nội vụ", "Sở Nội vụ", OrgUnitKind.Department, HauGiangEnds),
        new("HX-VITHANH", "Thành phố Vị Thanh", "TP Vị Thanh", OrgUnitKind.DistrictLevel, DistrictLevelEnds),
        new("HX-NGABAY", "Thành phố Ngã Bảy", "TP Ngã Bảy", OrgUnitKind.DistrictLevel, DistrictLevelEnds),
        new("HX-TXLONGMY", "Thị xã Long Mỹ", "TX Long Mỹ", OrgUnitKind.DistrictLevel, DistrictLevelEnds),
        new("HX-CHAUTHANH", "Huyện Châu Thành", "H. Châu Thành", OrgUnitKind.DistrictLevel, DistrictLevelEnds),
        new("HX-CHAUTHANHA", "Huyện Châu Thành A", "H. Châu Thành A", OrgUnitKind.DistrictLevel, DistrictLevelEnds),
        new("HX-PHUNGHIEP", "Huyện Phụng Hiệp", "H. Phụng Hiệp", OrgUnitKind.DistrictLevel, DistrictLevelEnds),
        new("HX-VITHUY", "Huyện Vị Thủy", "H. Vị Thủy", OrgUnitKind.DistrictLevel, DistrictLevelEnds),
        new("HX-LONGMY", "Huyện Long Mỹ", "H. Long Mỹ", OrgUnitKind.DistrictLevel, DistrictLevelEnds),
        new(CanThoPeoplesCommittee, "Ủy ban nhân dân thành phố Cần Thơ", "UBND TP Cần Thơ", OrgUnitKind.ProvincialLeadership, ValidFrom: CanThoBegins),
        new(CanThoPartyCommittee, "Thành ủy Cần Thơ", "Thành ủy Cần Thơ", OrgUnitKind.ProvincialLeadership, ValidFrom: CanThoBegins),
        new("CT-STC", "Sở Tài chính thành phố Cần Thơ", "Sở Tài chính TP Cần Thơ", OrgUnitKind.Department, ValidFrom: CanThoBegins),
        new("CT-SNV", "Sở Nội vụ thành phố Cần Thơ", "Sở Nội vụ TP Cần Thơ", OrgUnitKind.Department, ValidFrom: CanThoBegins),
    ];

    /// <summary>
    /// 19/02/2025: Sở Kế hoạch và Đầu tư merged into Sở Tài chính (one of the 18 → 12 agency mergers).
    /// 01/07/2025: the province's bodies pass to those of the new thành phố Cần Thơ; the district level ends
    /// with no like successor, so its open work goes by default to UBND thành phố Cần Thơ.
    /// </summary>
    public static readonly IReadOnlyList<MergerSeed> Mergers =
    [
        new(["SKHDT"], "STC", new DateOnly(2025, 2, 19), "Sắp xếp tổ chức bộ máy các cơ quan chuyên môn thuộc UBND tỉnh (18 cơ quan thành 12)"),
        new(["UBND"], CanThoPeoplesCommittee, CanThoBegins, CanThoBasis),
        new(["TU-BTC", "TU-BTG", "TU-BDV", "TU-UBKT", "TU-VP"], CanThoPartyCommittee, CanThoBegins, CanThoBasis),
        new(["STC"], "CT-STC", CanThoBegins, CanThoBasis),
        new(["SNV"], "CT-SNV", CanThoBegins, CanThoBasis),
        new(["HX-VITHANH", "HX-NGABAY", "HX-TXLONGMY", "HX-CHAUTHANH", "HX-CHAUTHANHA", "HX-PHUNGHIEP", "HX-VITHUY", "HX-LONGMY"], CanThoPeoplesCommittee, CanThoBegins, CanThoBasis),
    ];

    /// <summary>The article in which the Provincial Party Secretary set out the six groups (about 2023; its day is not in our sources).</summary>
    public const string ArticleTitle = "Tỉnh Hậu Giang quyết tâm đổi mới, thực hiện đột phá bằng khát vọng vươn lên mạnh mẽ, vì sự phát triển nhanh và bền vững";

    public const string ArticleCitation =
        "Bài viết “" + ArticleTitle + "” của Bí thư Tỉnh ủy Nghiêm Xuân Thành: nhiệm vụ, giải pháp “từ nay đến cuối nhiệm kỳ”, nêu sau Chương trình (dẫn Hội nghị xúc tiến đầu tư năm 2022 và chỉ tiêu năm 2023)";

    // The article dates only some of its items; the others have no deadline ("chưa xác định thời hạn"),
    // never one invented from "từ nay đến cuối nhiệm kỳ". "Trong nhiệm kỳ 2020 - 2025" in "Ba là" names
    // which resolutions are meant, not when the work is due.
    private static Deadline NotSet => Deadline.Unspecified;

    private static Deadline Parse(string text) =>
        DeadlineParser.TryParse(text, FirstYear, LastYear, out var deadline) ? deadline : throw new InvalidOperationException($"Seed deadline '{text}' does not parse.");

    /// <summary>The items of the six groups, in the article's own words: none is the Program's text.</summary>
    public static readonly IReadOnlyList<ItemSeed> Items = [.. ArticleItems().Select(i => i with { Origin = ItemOrigin.SecretaryArticle, SourceNote = ArticleCitation })];

    private static IEnumerable<ItemSeed> ArticleItems() =>
    [
        new("G1.1", WorkItemKind.Task, "Rà soát, sắp xếp bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả", NotSet, Group: 1),
        new("G1.2", WorkItemKind.Task, "Rà soát, điều chỉnh, tổ chức lại đơn vị sự nghiệp công lập trên địa bàn, bảo đảm cung cấp tốt, thuận lợi hơn các dịch vụ công thiết yếu cho người dân, doanh nghiệp", NotSet, Group: 1),
        new("G1.3", WorkItemKind.Task, "Xây dựng phương án sắp xếp đơn vị hành chính cấp huyện và cấp xã trên cơ sở duy trì tối đa đơn vị hành chính theo tiêu chí, tiêu chuẩn về diện tích tự nhiên và quy mô dân số giai đoạn 2023 - 2030", Parse("Giai đoạn 2023–2030"), Group: 1),
        new("G2.1", WorkItemKind.Task, "Tăng cường công tác lãnh đạo, chỉ đạo, tổ chức thực hiện và kiểm tra công tác thực hiện các nghị quyết, chương trình, đề án của Tỉnh ủy về nâng cao chất lượng đội ngũ cán bộ các cấp đủ năng lực, phẩm chất, uy tín ngang tầm nhiệm vụ", NotSet, Group: 2),
        new("G2.2", WorkItemKind.Task, "Nghiên cứu xây dựng danh mục vị trí việc làm cho cán bộ, công chức, viên chức từ cấp huyện trở lên", NotSet, Group: 2),
        new("G2.3", WorkItemKind.Task, "Chú trọng đổi mới nội dung, nâng cao chất lượng sinh hoạt cấp ủy, chi bộ theo hướng thiết thực, trọng tâm, trọng điểm, gắn với yêu cầu, nhiệm vụ thực tiễn tại địa bàn cơ sở", NotSet, Group: 2),
        new("G2.4", WorkItemKind.Task, "Khẩn trương hoàn thiện việc phân cấp, phân quyền gắn với nâng cao năng lực thực thi của đội ngũ cán bộ và cụ thể hóa trách nhiệm cá nhân", NotSet, Group: 2),
        new("G3.1", WorkItemKind.Task, "Hỗ trợ khuyến khích phát triển kinh tế tập thể và kinh tế hợp tác xã", NotSet, Group: 3),
        new("G3.2", WorkItemKind.Task, "Tập trung nguồn lực tài chính phát triển hệ thống kết cấu hạ tầng chiến lược, đồng bộ, nhất là hạ tầng giao thông, hạ tầng khu công nghiệp", NotSet, Group: 3),
        new("G4.1", WorkItemKind.Task, "Xây dựng và thực hiện có hiệu quả kế hoạch phát triển đảng viên hằng năm và cả nhiệm kỳ", Parse("Hằng năm"), Group: 4),
        new("G4.2", WorkItemKind.Document, "Nghiên cứu ban hành chỉ thị, đề án phát triển đảng viên trên địa bàn tỉnh giai đoạn 2023 - 2025", Parse("Giai đoạn 2023–2025"), Group: 4, DocumentType: DocumentType.Directive, IssuingAuthority: "Ban Thường vụ Tỉnh ủy"),
        new("G4.3", WorkItemKind.Task, "Đổi mới công tác kiểm tra theo hướng trọng tâm, trọng điểm, khoa học", NotSet, Group: 4),
        new("G4.4", WorkItemKind.Task, "Tiếp tục đổi mới hoạt động, phát huy mạnh mẽ vai trò của Mặt trận Tổ quốc các cấp, các tổ chức chính trị - xã hội và nhân dân trong tham gia xây dựng Đảng, xây dựng hệ thống chính trị trong sạch, vững mạnh", NotSet, Group: 4),
        new("G5.1", WorkItemKind.Task, "Cải cách hành chính phải hướng đến nâng cao chất lượng và cải thiện vị trí xếp hạng các chỉ số năng lực cạnh tranh của tỉnh từng năm và cả nhiệm kỳ", Parse("Từng năm"), Group: 5),
        new("G5.2", WorkItemKind.Task, "Xây dựng chính quyền điện tử, thực hiện chuyển đổi số các ngành, lĩnh vực, phát triển đô thị thông minh, kinh tế số", NotSet, Group: 5),
        new("G5.3", WorkItemKind.Task, "Các cấp ủy, chính quyền thường xuyên, chủ động làm việc, đối thoại với các doanh nghiệp, nhà đầu tư để kịp thời giải quyết, tháo gỡ các khó khăn, vướng mắc", Parse("Thường xuyên"), Group: 5),
        new("G5.4", WorkItemKind.Task, "Hiện thực hoá tối đa các dự án đầu tư đã ký kết tại Hội nghị xúc tiến đầu tư tỉnh năm 2022 và với các nhà đầu tư mới", NotSet, Group: 5),
        new("G6.1", WorkItemKind.Document, "Xây dựng chương trình, kế hoạch triển khai thực hiện hiệu quả Quy hoạch tỉnh Hậu Giang thời kỳ 2021 - 2030, tầm nhìn đến năm 2050", NotSet, Group: 6, DocumentType: DocumentType.Programme),
        new("G6.2", WorkItemKind.Task, "Đề ra lộ trình, tiến độ thực hiện theo từng mốc thời gian; phân công, phân nhiệm cụ thể, rõ đơn vị, cá nhân phụ trách", NotSet, Group: 6),
        new("G6.3", WorkItemKind.Task, "Định kỳ tổ chức rà soát, đánh giá tiến độ, kết quả thực hiện và đề ra các nhiệm vụ, giải pháp tiếp theo", Parse("Định kỳ"), Group: 6),
        new("G6.4", WorkItemKind.Task, "Năm 2023, tập trung tối đa các nguồn lực triển khai thực hiện thành công các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội cả năm đã đề ra", Parse("Năm 2023"), Group: 6),
        new("G6.5", WorkItemKind.Task, "Phát động đợt thi đua đặc biệt trong toàn hệ thống chính trị và nhân dân để lập thành tích thiết thực chào mừng kỷ niệm 20 năm thành lập tỉnh Hậu Giang (2004 - 2024)", Parse("Năm 2023"), Group: 6),
    ];

    public static Indicator PciRank(int programId) => new()
    {
        ProgramId = programId,
        Code = "CT-PCI",
        Name = "Vị trí xếp hạng chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
        Measure = "thứ hạng",
        Direction = IndicatorDirection.LowerIsBetter,
        Description = "Cải thiện vị trí xếp hạng các chỉ số năng lực cạnh tranh của tỉnh từng năm và cả nhiệm kỳ.",
    };
}
