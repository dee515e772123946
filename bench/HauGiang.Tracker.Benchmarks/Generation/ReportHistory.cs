using System.Globalization;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>
/// An item's reports period after period, from the lead unit holding it that day: the percent rises by a
/// step each period; in closed periods most are confirmed, some returned or left submitted; in the open
/// one drafts and submissions wait. A 100 % report carries evidence, and once confirmed the item is done
/// (on time or late against its deadline, as it falls); a document done is also issued.
/// </summary>
internal sealed class ReportHistory(Random random, DateOnly today, UnitHistory units, Keys keys)
{
    private const string Office = "Văn phòng theo dõi";

    /// <param name="periods">The periods reported in, in order, none after today.</param>
    public void Add(Batch batch, WorkItem item, int leadUnitId, IReadOnlyList<ReportingPeriod> periods, Shape shape)
    {
        var progress = 0.0;
        var step = shape.StepMin + random.NextDouble() * (shape.StepMax - shape.StepMin);
        foreach (var period in periods.Where(p => p.EndsOn >= item.StartsOn))
        {
            if (random.NextDouble() < shape.SkipChance)
            {
                continue;
            }
            progress = Math.Min(100, progress + step * (0.5 + random.NextDouble()));
            var percent = (int)progress;
            var lastDay = period.EndsOn < today ? period.EndsOn : today.AddDays(-1);
            var firstDay = period.StartsOn > item.StartsOn!.Value ? period.StartsOn : item.StartsOn.Value;
            if (firstDay > lastDay)
            {
                continue;
            }
            var submitted = At(firstDay.AddDays(random.Next(0, lastDay.DayNumber - firstDay.DayNumber + 1)), random.Next(1, 10));
            var state = PickState(period.State);
            var unit = units.Unit(units.HolderOn(leadUnitId, VietnamClock.DayOf(submitted)));
            var report = NewReport(item, period, unit, percent, state, submitted, lastDay);
            batch.Reports.Add(report);
            AddReview(batch, report);
            if (percent == 100 && state != ReviewState.Draft)
            {
                batch.Evidence.Add(new Evidence
                {
                    Id = keys.Evidence++,
                    ReportId = report.Id,
                    Kind = item is RequiredDocument ? EvidenceKind.IssuedDocument : EvidenceKind.Link,
                    DocumentId = item is RequiredDocument ? item.Id : null,
                    Url = item is RequiredDocument ? null : $"https://vanban.example.vn/{item.Code}",
                    Description = "Báo cáo kết quả thực hiện",
                });
            }
            if (item is RequiredDocument document)
            {
                Advance(document, report);
            }
            if (percent == 100 && state == ReviewState.Confirmed)
            {
                return;
            }
        }
    }

    /// <summary>An instant (UTC) on a Vietnamese day: <paramref name="hour"/> o'clock UTC, 7 hours later in Vietnam.</summary>
    public static DateTime At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour + 7, 0)), VietnamClock.Offset).UtcDateTime;

    private ReviewState PickState(PeriodState period)
    {
        var roll = random.NextDouble();
        return period == PeriodState.Closed
            ? roll switch { < 0.03 => ReviewState.Returned, < 0.08 => ReviewState.Submitted, _ => ReviewState.Confirmed }
            : roll switch { < 0.3 => ReviewState.Draft, < 0.65 => ReviewState.Submitted, _ => ReviewState.Confirmed };
    }

    private ProgressReport NewReport(WorkItem item, ReportingPeriod period, OrgUnit unit, int percent, ReviewState state, DateTime submitted, DateOnly lastDay)
    {
        var staff = $"Cán bộ {unit.ShortName ?? unit.Name}";
        var reviewDay = VietnamClock.DayOf(submitted).AddDays(random.Next(1, 8));
        var reviewed = state is ReviewState.Confirmed or ReviewState.Returned ? At(reviewDay < lastDay ? reviewDay : lastDay, 15) : (DateTime?)null;
        return new ProgressReport
        {
            Id = keys.Report++,
            WorkItemId = item.Id,
            PeriodId = period.Id,
            ReportingUnitId = unit.Id,
            Percent = percent,
            Results = string.Create(CultureInfo.InvariantCulture, $"Đã thực hiện khoảng {percent}% khối lượng công việc của {item.Code}; các nội dung trọng tâm triển khai theo kế hoạch."),
            Obstacles = random.NextDouble() < 0.3 ? random.Pick(Words.Obstacles) : null,
            NextSteps = percent < 100 ? "Tiếp tục phối hợp các đơn vị liên quan, phấn đấu hoàn thành theo tiến độ." : null,
            AchievedOn = percent == 100 ? VietnamClock.DayOf(submitted) : null,
            State = state,
            CreatedAt = submitted.AddHours(-random.Next(1, 48)),
            CreatedBy = staff,
            SubmittedAt = state == ReviewState.Draft ? null : submitted,
            SubmittedBy = state == ReviewState.Draft ? null : staff,
            ReviewedAt = reviewed < submitted ? submitted.AddHours(1) : reviewed,
            ReviewedBy = reviewed is null ? null : Office,
            ReviewNote = state == ReviewState.Returned ? "Đề nghị bổ sung số liệu và minh chứng." : null,
        };
    }

    private void AddReview(Batch batch, ProgressReport report)
    {
        if (report.SubmittedAt is not { } submitted)
        {
            return;
        }
        batch.ReviewEvents.Add(new ReviewEvent { Id = keys.ReviewEvent++, ReportId = report.Id, FromState = ReviewState.Draft, ToState = ReviewState.Submitted, At = submitted, By = report.SubmittedBy });
        if (report.ReviewedAt is { } reviewed)
        {
            batch.ReviewEvents.Add(new ReviewEvent { Id = keys.ReviewEvent++, ReportId = report.Id, FromState = ReviewState.Submitted, ToState = report.State, At = reviewed, By = Office, Note = report.ReviewNote });
        }
    }

    private static void Advance(RequiredDocument document, ProgressReport report)
    {
        if (report.Percent == 100 && report.State == ReviewState.Confirmed)
        {
            document.Stage = DocumentStage.Issued;
            document.NumberSymbol = string.Create(CultureInfo.InvariantCulture, $"{report.Id % 900 + 10}/KH-UBND");
            document.IssuedOn = report.AchievedOn;
            document.Abstract = document.Title;
            document.IssuanceConfirmedAt = report.ReviewedAt;
            document.IssuanceConfirmedBy = Office;
        }
        else if (report.Percent >= 80)
        {
            document.Stage = DocumentStage.SubmittedForSignature;
        }
        else if (report.Percent > 0)
        {
            document.Stage = DocumentStage.Drafting;
        }
    }
}
