using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;
using static HauGiang.Tracker.Core.Features.Seeding.SampleData;

namespace HauGiang.Tracker.Core.Features.Seeding;

public sealed partial class DatabaseSeeder
{
    private const string SampleReporter = "Dữ liệu mẫu";

    /// <summary>Reports, issuances, an amendment and the 2025 merger for newly added sample items only, so a rerun adds nothing.</summary>
    private static async Task AddSampleHistoryAsync(
        TrackerDbContext db, ActionProgram program, Dictionary<string, OrgUnit> units, List<ReportingPeriod> periods,
        List<(WorkItem Item, ItemSeed Seed)> samples, IReadOnlyList<MergerSeed> mergers, CancellationToken ct)
    {
        if (samples.Count == 0)
        {
            return;
        }
        var amendment = await db.Amendments.SingleOrDefaultAsync(a => a.ProgramId == program.Id && a.DecisionNumber == AmendmentNumber, ct);
        if (amendment is null)
        {
            amendment = new Amendment
            {
                ProgramId = program.Id,
                DecisionNumber = AmendmentNumber,
                DecisionDate = AmendmentDate,
                Title = "Điều chỉnh, bổ sung thời hạn một số nhiệm vụ, văn bản (dữ liệu mẫu)",
                Summary = "Kết luận mẫu để minh họa việc điều chỉnh thời hạn; không phải văn bản thật.",
                RecordedAt = Utc(AmendmentDate),
                RecordedBy = SeedActor,
            };
            db.Amendments.Add(amendment);
            await db.SaveChangesAsync(ct);
        }

        var index = SampleData.Items.Select((s, i) => (s.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var reports = new List<ProgressReport>();
        foreach (var (item, seed) in samples)
        {
            var plan = new SamplePlan(item, PatternOf(index[seed.Code]), periods, units, mergers, reports);
            plan.Apply(amendment, AdjustedDeadline(index[seed.Code]));
            MoveToSuccessors(item, units, mergers, plan.CompletedOn);
        }
        db.Reports.AddRange(reports);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The seeded successions in date order (19/02/2025, then 01/07/2025): the open lead and coordinating work of a
    /// unit that ends passes to its successor, as a recorded merger would move it; work completed before a
    /// succession stays with the unit that did it.
    /// </summary>
    private static void MoveToSuccessors(WorkItem item, Dictionary<string, OrgUnit> units, IReadOnlyList<MergerSeed> mergers, DateOnly? completedOn)
    {
        foreach (var merger in mergers.Where(m => completedOn is null || completedOn >= m.EffectiveOn))
        {
            var successor = units[merger.Successor];
            var open = item.Assignments.Where(a => a.EndsOn is null).ToList();
            foreach (var assignment in open.Where(a => merger.Merged.Contains(a.OrgUnit!.Code)).OrderBy(a => a.Role))
            {
                assignment.EndsOn = merger.EffectiveOn.AddDays(-1);
                var successorOpen = item.Assignments.Where(a => a.EndsOn is null && a.OrgUnit == successor).ToList();
                if (assignment.Role == AssignmentRole.Lead)
                {
                    successorOpen.ForEach(a => a.EndsOn = merger.EffectiveOn.AddDays(-1)); // the coordinating successor becomes the lead
                }
                else if (successorOpen.Count > 0)
                {
                    continue;
                }
                item.Assignments.Add(new WorkItemAssignment
                {
                    OrgUnit = successor,
                    Role = assignment.Role,
                    StartsOn = merger.EffectiveOn,
                    Note = $"Tiếp nhận từ {assignment.OrgUnit!.Name} ({merger.Basis})",
                });
            }
        }
    }

    /// <summary>Builds one sample item's reports from its pattern, dated around its due day.</summary>
    private sealed class SamplePlan(
        WorkItem item, Pattern pattern, List<ReportingPeriod> periods, Dictionary<string, OrgUnit> units, IReadOnlyList<MergerSeed> mergers, List<ProgressReport> sink)
    {
        private readonly Dictionary<int, ProgressReport> _byPeriod = [];

        public DateOnly? CompletedOn { get; private set; }

        public void Apply(Amendment amendment, Deadline adjusted)
        {
            var deadline = item.OriginalDeadline;
            if (deadline.Kind == DeadlineKind.Ongoing)
            {
                Report(new DateOnly(2022, 12, 1), 30, confirmed: true);
                Report(new DateOnly(2024, 12, 1), 60, confirmed: true);
                return;
            }
            if (deadline.Kind == DeadlineKind.Recurring)
            {
                // Met in every year but the last two: the open occurrence shows as overdue.
                foreach (var due in deadline.Occurrences().SkipLast(2))
                {
                    Complete(due.AddDays(-30), confirmed: true);
                }
                CompletedOn = null; // each occurrence is judged on its own: the work stays open and moves with a merger
                return;
            }
            var dueDay = deadline.DueDate!.Value;
            switch (pattern)
            {
                case Pattern.DoneOnTime:
                    Report(dueDay.AddDays(-200), 40, confirmed: true);
                    Report(dueDay.AddDays(-100), 80, confirmed: true);
                    Complete(dueDay.AddDays(-20), confirmed: true);
                    break;
                case Pattern.DoneLate:
                    Report(dueDay.AddDays(-90), 50, confirmed: true);
                    Complete(dueDay.AddDays(60), confirmed: true);
                    break;
                case Pattern.OverdueInProgress:
                    Report(dueDay.AddDays(-120), 30, confirmed: true);
                    Report(dueDay.AddDays(30), 60, confirmed: true);
                    Stage(DocumentStage.Drafting);
                    break;
                case Pattern.AdjustedStillOpen:
                    Report(dueDay.AddDays(-60), 20, confirmed: true);
                    var revision = item.AdjustDeadline(adjusted, new AdjustmentBasis(amendment.DecisionNumber, amendment.DecisionDate, AmendmentId: amendment.Id));
                    revision.RecordedAt = Utc(amendment.DecisionDate);
                    revision.RecordedBy = SeedActor;
                    amendment.Changes.Add(new AmendmentChange
                    {
                        WorkItem = item,
                        Kind = AmendmentChangeKind.Redated,
                        Description = $"Điều chỉnh thời hạn {item.Code}",
                        Before = deadline.ToString(),
                        After = adjusted.ToString(),
                    });
                    Report(new DateOnly(2026, 8, 1), 50, confirmed: true);
                    Stage(DocumentStage.SubmittedForSignature);
                    break;
                case Pattern.AwaitingConfirmation:
                    Report(dueDay.AddDays(-90), 60, confirmed: true);
                    Complete(dueDay.AddDays(-10), confirmed: false);
                    break;
                case Pattern.NotStarted:
                    break;
            }
        }

        private void Stage(DocumentStage stage)
        {
            if (item is RequiredDocument document)
            {
                document.Stage = stage;
            }
        }

        private void Complete(DateOnly achievedOn, bool confirmed)
        {
            var report = Report(achievedOn, 100, confirmed);
            if (report is null)
            {
                return;
            }
            report.AchievedOn = achievedOn;
            if (item is RequiredDocument document)
            {
                document.Stage = DocumentStage.Issued;
                document.NumberSymbol = SampleData.NumberFor(document, achievedOn);
                document.IssuedOn = achievedOn;
                document.Abstract = item.Title;
                document.Signer = "Người ký (mẫu)";
                document.IssuanceConfirmedAt = confirmed ? Utc(achievedOn.AddDays(5)) : null;
                document.IssuanceConfirmedBy = confirmed ? SampleReporter : null;
                report.Evidence.Add(new Evidence { Kind = EvidenceKind.IssuedDocument, DocumentId = document.Id, Description = $"Văn bản số {document.NumberSymbol} (mẫu)" });
            }
            else
            {
                // A sample has no real place to point to: no address, so the page shows it as text, not as a link to nowhere.
                report.Evidence.Add(new Evidence { Kind = EvidenceKind.Link, Url = null, Description = "Minh chứng mẫu (báo cáo kết quả), không có tài liệu thật" });
            }
            if (confirmed)
            {
                CompletedOn ??= achievedOn;
            }
        }

        private ProgressReport? Report(DateOnly on, int percent, bool confirmed)
        {
            var (year, quarter) = ReportingWindows.QuarterContaining(on);
            var period = periods.SingleOrDefault(p => p.Kind == PeriodKind.Quarter && p.Year == year && p.Number == quarter);
            if (period is null || on < ProgramSource.IssuedOn)
            {
                return null;
            }
            var unit = LeadOn(on);
            if (!_byPeriod.TryGetValue(period.Id, out var report))
            {
                report = new ProgressReport { WorkItemId = item.Id, PeriodId = period.Id, ReportingUnitId = unit.Id, CreatedBy = SampleReporter };
                _byPeriod[period.Id] = report;
                sink.Add(report);
            }
            report.Percent = percent;
            report.Results = $"Đạt {percent}% khối lượng công việc (dữ liệu mẫu).";
            report.NextSteps = percent < 100 ? "Tiếp tục triển khai theo lộ trình." : null;
            report.CreatedAt = Utc(on);
            report.SubmittedAt = report.CreatedAt;
            report.SubmittedBy = SampleReporter;
            report.State = confirmed ? ReviewState.Confirmed : ReviewState.Submitted;
            report.ReviewEvents.Clear();
            report.ReviewEvents.Add(new ReviewEvent { FromState = ReviewState.Draft, ToState = ReviewState.Submitted, At = Utc(on), By = SampleReporter });
            if (confirmed)
            {
                report.ReviewedAt = Utc(on.AddDays(5));
                report.ReviewedBy = SampleReporter;
                report.ReviewEvents.Add(new ReviewEvent { FromState = ReviewState.Submitted, ToState = ReviewState.Confirmed, At = report.ReviewedAt.Value, By = SampleReporter });
            }
            return report;
        }

        /// <summary>The unit that led the item on <paramref name="day"/>: the original lead, followed along the successions in force then.</summary>
        private OrgUnit LeadOn(DateOnly day) => units[HolderOn(item.CurrentLead!.OrgUnit!.Code, mergers, day)];
    }
}
