using System.Globalization;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>
/// Makes a program's tasks, sub-tasks and documents with the domain's own methods (SetOriginalDeadline,
/// AdjustDeadline), so deadlines and their history are what the app records: dated in the past or the
/// future, a period, ongoing or undated, and about one in ten adjusted by a decision.
/// </summary>
internal sealed class ItemFactory(Random random, DateOnly today, UnitHistory units, Keys keys)
{
    private static readonly DocumentType[] DocumentTypes = [DocumentType.Plan, DocumentType.Decision, DocumentType.Resolution, DocumentType.Scheme, DocumentType.Guidance];

    /// <summary>Adds one top-level task with its sub-tasks and documents, starting on <paramref name="start"/>; returns the items made and their first lead.</summary>
    public List<(WorkItem Item, int LeadId)> AddTask(Batch batch, int programId, Node node, string code, int ordinal, DateOnly start, Shape shape)
    {
        var topic = random.Pick(Words.Topics);
        var task = New(new TaskItem { Code = code, Title = $"{random.Pick(Words.Verbs)} {topic} {random.Pick(Words.Places)}" }, programId, node, null, ordinal, start);
        var made = new List<WorkItem> { task };
        var subTasks = random.Next(shape.SubTasksMin, shape.SubTasksMax + 1);
        for (var k = 1; k <= subTasks; k++)
        {
            var title = $"{random.Pick(Words.Verbs)} {random.Pick(Words.Topics)}: nội dung {k} của nhiệm vụ {code}";
            made.Add(New(new TaskItem { Code = $"{code}.{k:00}", Title = title }, programId, node, task.Id, k, start.AddDays(random.Next(0, 180))));
        }
        var documents = random.Next(shape.DocumentsMin, shape.DocumentsMax + 1);
        for (var d = 1; d <= documents; d++)
        {
            var type = random.Pick(DocumentTypes);
            var document = new RequiredDocument
            {
                Code = $"{code}-VB{d}",
                Title = $"{type.ToString()} về {topic} (văn bản {d})",
                DocumentType = type,
                IssuingAuthority = random.Next(2) == 0 ? "UBND tỉnh" : "Ban Thường vụ Tỉnh ủy",
            };
            made.Add(New(document, programId, node, task.Id, subTasks + d, start.AddDays(random.Next(0, 120))));
        }
        var leads = new List<(WorkItem, int)>();
        foreach (var item in made)
        {
            batch.Items.Add(item);
            batch.Revisions.AddRange(item.DeadlineRevisions);
            var from = item.StartsOn!.Value;
            var lead = units.PickActiveOn(from, random);
            leads.Add((item, lead.Id));
            var rows = units.Assign(item, lead.Id, AssignmentRole.Lead, from).ToList();
            for (var c = random.Next(0, 3); c > 0; c--)
            {
                // Two coordinating units may pass to one successor: it is then assigned once, as WorkTransfer does.
                rows.AddRange(units.Assign(item, units.PickActiveOn(from, random).Id, AssignmentRole.Coordinating, from)
                    .Where(a => !rows.Any(r => r.OrgUnitId == a.OrgUnitId && r.StartsOn == a.StartsOn)));
            }
            foreach (var row in rows)
            {
                row.Id = keys.Assignment++;
            }
            batch.Assignments.AddRange(rows);
        }
        return leads;
    }

    private T New<T>(T item, int programId, Node node, int? parentId, int ordinal, DateOnly start) where T : WorkItem
    {
        item.Id = keys.Item++;
        item.ProgramId = programId;
        item.ParentId = parentId;
        item.BreakthroughId = node.BreakthroughId;
        item.GroupId = node.GroupId;
        item.Ordinal = ordinal;
        item.StartsOn = start;
        item.Origin = ItemOrigin.Administrator;
        item.SetOriginalDeadline(PickDeadline(start), start);
        var roll = random.NextDouble();
        if (roll < 0.1 && item.Deadline.DueDate is { } due && due.AddDays(-30) > start)
        {
            var decided = Min(due.AddDays(-random.Next(1, 30)), today);
            var number = string.Create(CultureInfo.InvariantCulture, $"{random.Next(100, 3000)}/QĐ-UBND");
            item.AdjustDeadline(Deadline.On(due.AddDays(random.Next(90, 366))), new AdjustmentBasis(number, decided, "Điều chỉnh tiến độ theo đề nghị của đơn vị chủ trì"));
        }
        foreach (var revision in item.DeadlineRevisions)
        {
            revision.Id = keys.Revision++;
            revision.WorkItemId = item.Id;
            revision.RecordedAt = ReportHistory.At(revision.EffectiveOn, 9);
            revision.RecordedBy = "Quản trị hệ thống";
        }
        return item;
    }

    private Deadline PickDeadline(DateOnly start)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.15 => Deadline.Unspecified,
            < 0.22 => Deadline.Ongoing(),
            < 0.55 => Deadline.On(Between(start.AddDays(60), today.AddDays(-1))),
            < 0.80 => Deadline.On(today.AddDays(random.Next(1, 900))),
            _ => YearEnd(start.Year + random.Next(1, 4)),
        };
    }

    private static Deadline YearEnd(int year) => Deadline.EndOf(string.Create(CultureInfo.InvariantCulture, $"năm {year}"), new DateOnly(year, 12, 31));

    private DateOnly Between(DateOnly from, DateOnly to) => to <= from ? from : from.AddDays(random.Next(0, to.DayNumber - from.DayNumber + 1));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
