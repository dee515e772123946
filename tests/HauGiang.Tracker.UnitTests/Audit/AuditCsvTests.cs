using System.Text;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Features.Audit;

namespace HauGiang.Tracker.UnitTests.Audit;

public class AuditCsvTests
{
    private static async IAsyncEnumerable<AuditRow> Rows(params AuditRow[] rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }
        await Task.CompletedTask;
    }

    private static AuditRow Row(string? before, string? reason) => new(
        5, new DateTime(2026, 11, 27, 3, 0, 0, DateTimeKind.Utc), "u1", "Trần Thị Bích", AuditCategory.Data, "update", "TaskItem", "7",
        "NV-01", "Sở Nội vụ", "Quý IV/2026", before, """{"Title":"Mới"}""", reason, null, "ab");

    [Fact]
    public async Task The_file_opens_in_Excel_with_Vietnamese_intact()
    {
        using var stream = new MemoryStream();
        await AuditCsv.WriteAsync(stream, Rows(Row(null, null)), TestContext.Current.CancellationToken);

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("STT,Thời điểm (giờ Việt Nam),Người thực hiện", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("5,27/11/2026 10:00:00,Trần Thị Bích,u1,Data,update,TaskItem,7,NV-01,Sở Nội vụ,Quý IV/2026,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commas_quotes_and_line_breaks_are_quoted_and_formulas_defused()
    {
        using var stream = new MemoryStream();
        await AuditCsv.WriteAsync(stream, Rows(Row("""{"a":"x, \"y\""}""", "=HYPERLINK(\"x\")")), TestContext.Current.CancellationToken);

        var text = Encoding.UTF8.GetString(stream.ToArray()[3..]);
        Assert.Contains("\"{\"\"a\"\":\"\"x, \\\"\"y\\\"\"\"\"}\"", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text, StringComparison.Ordinal);
    }
}
