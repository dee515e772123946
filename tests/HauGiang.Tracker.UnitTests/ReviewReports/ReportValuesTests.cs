using HauGiang.Tracker.Core.Features.ReviewReports;

namespace HauGiang.Tracker.UnitTests.ReviewReports;

public class ReportValuesTests
{
    public static TheoryData<object?, CellKind, string> Values => new()
    {
        { 1234, CellKind.Integer, "1.234" },
        { 1234567L, CellKind.Integer, "1.234.567" },
        { -5, CellKind.Integer, "-5" },
        { 0.456m, CellKind.Percent, "45,6%" },
        { 1m, CellKind.Percent, "100,0%" },
        { 0.0004m, CellKind.Percent, "0,0%" },
        { 0.5, CellKind.Percent, "50,0%" },
        { new DateOnly(2025, 12, 31), CellKind.Date, "31/12/2025" },
        { new DateTime(2025, 12, 31, 17, 30, 0, DateTimeKind.Utc), CellKind.DateTime, "01/01/2026 00:30" },
        { new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc), CellKind.Date, "31/12/2025" },
        { "Sở Kế hoạch và Đầu tư", CellKind.Text, "Sở Kế hoạch và Đầu tư" },
        { null, CellKind.Percent, "" },
        { 12.5m, CellKind.Text, "12,5" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void A_cell_reads_the_Vietnamese_way(object? value, CellKind kind, string expected) =>
        Assert.Equal(expected, ReportValues.Format(value, kind));
}
