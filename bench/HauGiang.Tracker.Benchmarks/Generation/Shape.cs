namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>
/// How a grown program looks: each top-level task carries sub-tasks and documents; an item reports
/// in most periods from its start, its percent rising by about a step (in points) a period until it is confirmed at 100 %.
/// </summary>
internal sealed record Shape(int SubTasksMin, int SubTasksMax, int DocumentsMin, int DocumentsMax, double StepMin, double StepMax, double SkipChance);

/// <summary>Where a top-level task hangs: a breakthrough or a group of the program.</summary>
internal sealed record Node(int? BreakthroughId, int? GroupId);

internal static class Words
{
    public static readonly string[] Verbs = ["Triển khai", "Xây dựng", "Nâng cao", "Đẩy mạnh", "Hoàn thiện", "Tổ chức thực hiện", "Rà soát", "Phát triển"];

    public static readonly string[] Topics =
    [
        "chuyển đổi số trong cơ quan nhà nước", "cải cách thủ tục hành chính", "chất lượng nguồn nhân lực", "hạ tầng giao thông nông thôn",
        "chuỗi giá trị nông sản chủ lực", "môi trường đầu tư, kinh doanh", "đào tạo nghề cho lao động nông thôn", "quy hoạch đô thị",
        "an sinh xã hội", "y tế cơ sở", "giáo dục phổ thông", "thu hút đầu tư", "kinh tế tập thể", "du lịch sinh thái", "ứng phó biến đổi khí hậu",
    ];

    public static readonly string[] Places = ["trên địa bàn tỉnh", "giai đoạn 2021–2025", "tại các huyện, thị xã, thành phố", "theo Nghị quyết Đại hội XIV"];

    public static readonly string[] Obstacles =
    [
        "Nguồn kinh phí bố trí chưa kịp thời.", "Phối hợp giữa các đơn vị có lúc chưa chặt chẽ.", "Thủ tục đầu tư kéo dài.", "Thiếu cán bộ có chuyên môn phù hợp.",
    ];

    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
