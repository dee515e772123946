using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Notifications;

/// <summary>Records notices in one statement; the unique (person, key) index drops what was recorded before.</summary>
internal static class NoticeStore
{
    public static async Task<int> AddNewAsync(TrackerDbContext db, IReadOnlyList<Notice> notices, CancellationToken ct)
    {
        if (notices.Count == 0)
        {
            return 0;
        }
        var added = 0;
        foreach (var chunk in notices.Chunk(5_000))
        {
            added += await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO notices (user_id, kind, key, program_id, work_item_id, period_id, days, due_on, title, detail, link, created_at)
                SELECT * FROM unnest({chunk.Select(n => n.UserId).ToArray()}::text[], {chunk.Select(n => n.Kind.ToString()).ToArray()}::text[],
                    {chunk.Select(n => n.Key).ToArray()}::text[], {chunk.Select(n => n.ProgramId).ToArray()}::int[],
                    {chunk.Select(n => n.WorkItemId).ToArray()}::int[], {chunk.Select(n => n.PeriodId).ToArray()}::int[],
                    {chunk.Select(n => n.Days).ToArray()}::int[], {chunk.Select(n => n.DueOn).ToArray()}::date[],
                    {chunk.Select(n => n.Title).ToArray()}::text[], {chunk.Select(n => n.Detail).ToArray()}::text[],
                    {chunk.Select(n => n.Link).ToArray()}::text[], {chunk.Select(n => n.CreatedAt).ToArray()}::timestamptz[])
                ON CONFLICT (user_id, key) DO NOTHING
                """, ct);
        }
        return added;
    }
}
