using HauGiang.Tracker.Core.Data.Auditing;
using HauGiang.Tracker.Core.Domain;

namespace HauGiang.Tracker.UnitTests.Audit;

public class AuditHashTests
{
    private static AuditEntry Entry() => new()
    {
        At = new DateTime(2026, 11, 27, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234560),
        UserId = "u1",
        UserName = "Nguyễn Văn A",
        Category = AuditCategory.Data,
        Action = "update",
        EntityType = "TaskItem",
        EntityKey = "7",
        ItemId = 7,
        Before = """{"Title":"Cũ"}""",
        After = """{"Title":"Mới"}""",
        PreviousHash = AuditHash.Genesis,
        Hash = "",
    };

    [Fact]
    public void The_hash_is_stable_for_the_same_row()
    {
        Assert.Equal(AuditHash.Compute(Entry()), AuditHash.Compute(Entry()));
        Assert.Equal(64, AuditHash.Compute(Entry()).Length);
    }

    [Fact]
    public void Changing_any_column_changes_the_hash()
    {
        var original = AuditHash.Compute(Entry());
        var variants = new Action<AuditEntry>[]
        {
            e => e.At = e.At.AddTicks(10), e => e.UserId = "u2", e => e.UserName = "Nguyễn Văn B", e => e.Category = AuditCategory.Security,
            e => e.Action = "delete", e => e.EntityType = "OrgUnit", e => e.EntityKey = "8", e => e.ItemId = 8, e => e.UnitId = 1,
            e => e.PeriodId = 1, e => e.Before = null, e => e.After = """{"Title":"Mới!"}""", e => e.Reason = "lý do", e => e.ClientAddress = "10.0.0.1",
            e => e.PreviousHash = new string('1', 64),
        };
        foreach (var change in variants)
        {
            var entry = Entry();
            change(entry);
            Assert.NotEqual(original, AuditHash.Compute(entry));
        }
    }

    [Fact]
    public void Instants_are_cut_to_the_microseconds_PostgreSQL_keeps()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234567);
        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1234560), AuditHash.Truncate(at));
        Assert.Equal(DateTimeKind.Utc, AuditHash.Truncate(at).Kind);
    }
}
