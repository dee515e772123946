namespace HauGiang.Tracker.Core.Features.Seeding;

// Generated once from docs/source/program-50-ctr-tu.vi.txt: the six "Một là … Sáu là" paragraphs,
// verbatim. A unit test checks every seeded text still stands in the source.
internal static partial class ProgramSource
{
    public static readonly IReadOnlyList<GroupSeed> Groups =
    [
        new(1, "Một là", "Tiếp tục quán triệt, triển khai đồng bộ, thực hiện nghiêm các nghị quyết, chỉ thị, kết luận của Trung ương, Tỉnh ủy về công tác xây dựng Đảng, xây dựng hệ thống chính trị trong sạch, vững mạnh",
            """
            Một là, tiếp tục quán triệt, triển khai đồng bộ, thực hiện nghiêm các nghị quyết, chỉ thị, kết luận của Trung ương, Tỉnh ủy về công tác xây dựng Đảng, xây dựng hệ thống chính trị trong sạch, vững mạnh. Rà soát, sắp xếp bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả; rà soát, điều chỉnh, tổ chức lại đơn vị sự nghiệp công lập trên địa bàn, bảo đảm cung cấp tốt, thuận lợi hơn các dịch vụ công thiết yếu cho người dân, doanh nghiệp. Xây dựng phương án sắp xếp đơn vị hành chính cấp huyện và cấp xã trên cơ sở duy trì tối đa đơn vị hành chính theo tiêu chí, tiêu chuẩn về diện tích tự nhiên và quy mô dân số giai đoạn 2023 - 2030.
            """),
        new(2, "Hai là", "Đổi mới phương thức lãnh đạo của các cấp ủy, tổ chức đảng theo phương châm: “Hình thức tập trung, nội dung thiết thực, hành động quyết liệt, hiệu quả thực chất”",
            """
            Hai là, đổi mới phương thức lãnh đạo của các cấp ủy, tổ chức đảng theo phương châm: “Hình thức tập trung, nội dung thiết thực, hành động quyết liệt, hiệu quả thực chất”. Tăng cường công tác lãnh đạo, chỉ đạo, tổ chức thực hiện và kiểm tra công tác thực hiện các nghị quyết, chương trình, đề án của Tỉnh ủy về nâng cao chất lượng đội ngũ cán bộ các cấp đủ năng lực, phẩm chất, uy tín ngang tầm nhiệm vụ. Nghiên cứu xây dựng danh mục vị trí việc làm cho cán bộ, công chức, viên chức từ cấp huyện trở lên. Chú trọng đổi mới nội dung, nâng cao chất lượng sinh hoạt cấp ủy, chi bộ theo hướng thiết thực, trọng tâm, trọng điểm, gắn với yêu cầu, nhiệm vụ thực tiễn tại địa bàn cơ sở. Khẩn trương hoàn thiện việc phân cấp, phân quyền gắn với nâng cao năng lực thực thi của đội ngũ cán bộ và cụ thể hóa trách nhiệm cá nhân.
            """),
        new(3, "Ba là", "Triển khai thực hiện có hiệu quả các nghị quyết, chương trình, đề án phát triển kinh tế - xã hội của tỉnh trong nhiệm kỳ 2020 - 2025, trọng tâm là phát triển công nghiệp, nông nghiệp, đô thị và du lịch",
            """
            Ba là, triển khai thực hiện có hiệu quả các nghị quyết, chương trình, đề án phát triển kinh tế - xã hội của tỉnh trong nhiệm kỳ 2020 - 2025, trọng tâm là phát triển công nghiệp, nông nghiệp, đô thị và du lịch; hỗ trợ khuyến khích phát triển kinh tế tập thể và kinh tế hợp tác xã;... Song song đó, tập trung nguồn lực tài chính phát triển hệ thống kết cấu hạ tầng chiến lược, đồng bộ, nhất là hạ tầng giao thông, hạ tầng khu công nghiệp, tạo động lực gia tăng nhanh tỷ trọng và cơ cấu kinh tế công nghiệp, dịch vụ cùng với hạ tầng ứng phó với biến đổi khí hậu, hạ tầng số.
            """),
        new(4, "Bốn là", "Nâng cao trách nhiệm của các cấp ủy trong công tác phát triển đảng viên",
            """
            Bốn là, nâng cao trách nhiệm của các cấp ủy trong công tác phát triển đảng viên; xây dựng và thực hiện có hiệu quả kế hoạch phát triển đảng viên hằng năm và cả nhiệm kỳ, bảo đảm tăng về số lượng, đồng thời nâng cao chất lượng đảng viên. Nghiên cứu ban hành chỉ thị, đề án phát triển đảng viên trên địa bàn tỉnh giai đoạn 2023 - 2025. Đổi mới công tác kiểm tra theo hướng trọng tâm, trọng điểm, khoa học; tiếp tục đổi mới hoạt động, phát huy mạnh mẽ vai trò của Mặt trận Tổ quốc các cấp, các tổ chức chính trị - xã hội và nhân dân trong tham gia xây dựng Đảng, xây dựng hệ thống chính trị trong sạch, vững mạnh.
            """),
        new(5, "Năm là", "Tiếp tục đẩy mạnh công tác cải cách hành chính, lấy người dân, doanh nghiệp làm trung tâm và lấy sự hài lòng của người dân, doanh nghiệp làm thước đo hiệu quả",
            """
            Năm là, tiếp tục đẩy mạnh công tác cải cách hành chính, lấy người dân, doanh nghiệp làm trung tâm và lấy sự hài lòng của người dân, doanh nghiệp làm thước đo hiệu quả. Cải cách hành chính phải hướng đến nâng cao chất lượng và cải thiện vị trí xếp hạng các chỉ số năng lực cạnh tranh của tỉnh từng năm và cả nhiệm kỳ; gắn với xây dựng chính quyền điện tử, thực hiện chuyển đổi số các ngành, lĩnh vực, phát triển đô thị thông minh, kinh tế số. Các cấp ủy, chính quyền thường xuyên, chủ động làm việc, đối thoại với các doanh nghiệp, nhà đầu tư để kịp thời giải quyết, tháo gỡ các khó khăn, vướng mắc với mục tiêu hiện thực hoá tối đa các dự án đầu tư đã ký kết tại Hội nghị xúc tiến đầu tư tỉnh năm 2022 và với các nhà đầu tư mới.
            """),
        new(6, "Sáu là", "Xây dựng chương trình, kế hoạch triển khai thực hiện hiệu quả Quy hoạch tỉnh Hậu Giang thời kỳ 2021 - 2030, tầm nhìn đến năm 2050",
            """
            Sáu là, xây dựng chương trình, kế hoạch triển khai thực hiện hiệu quả Quy hoạch tỉnh Hậu Giang thời kỳ 2021 - 2030, tầm nhìn đến năm 2050. Đề ra lộ trình, tiến độ thực hiện theo từng mốc thời gian; phân công, phân nhiệm cụ thể, rõ đơn vị, cá nhân phụ trách; định kỳ tổ chức rà soát, đánh giá tiến độ, kết quả thực hiện và đề ra các nhiệm vụ, giải pháp tiếp theo. Năm 2023, tập trung tối đa các nguồn lực triển khai thực hiện thành công các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội cả năm đã đề ra và phát động đợt thi đua đặc biệt trong toàn hệ thống chính trị và nhân dân để lập thành tích thiết thực chào mừng kỷ niệm 20 năm thành lập tỉnh Hậu Giang (2004 - 2024).
            """),
    ];
}
