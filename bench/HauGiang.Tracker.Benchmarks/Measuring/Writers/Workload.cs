using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Measuring.Writers;

internal enum OpKind
{
    SaveDraft,
    Submit,
    Confirm,
    Return,
}

internal enum Outcome
{
    Accepted,
    Refused,
    /// <summary>Refused with <see cref="DatabaseOutage.Message"/>: the save may or may not have reached the server.</summary>
    Outage,
    Unexpected,
}

/// <summary>
/// One write as a person makes it. <paramref name="Ack"/> orders the answers (taken as each call returned);
/// <paramref name="ReportId"/> is the report written (the one returned when accepted, else the one the form showed).
/// </summary>
internal sealed record Op(int Writer, OpKind Kind, int? ReportId, string? Token, TimeSpan Started, TimeSpan Ended, long Ack, Outcome Outcome, string? Reason)
{
    public bool IsSave => Kind is OpKind.SaveDraft or OpKind.Submit;
}

/// <summary>A writer: unit staff on a few items of one unit (shared with a colleague), or a reviewer of the office.</summary>
internal sealed record Writer(int Index, int Pair, Actor Actor, IReadOnlyList<int> Items)
{
    public bool IsReviewer => Items.Count == 0;
}

/// <summary>
/// The writers' loops, as the pages drive the services: the report page opens the form, saves the draft with the
/// version it read, reloads and submits; the review queue loads, decides on a row with its version, and loads again.
/// Every write goes through <see cref="DatabaseOutage.RunAsync"/> as the forms' saves do.
/// </summary>
internal sealed partial class Workload(ProgressReportService reports, ReviewService review, int periodId, string periodLabel, TimeSpan duration, int seed)
{
    private const string Validation = "Nêu nhiệm vụ, giải pháp tiếp theo khi chưa hoàn thành.";

    private readonly Stopwatch _clock = new();
    private long _ack;
    private int _failedReads, _blockedForms, _emptyQueues;

    public ConcurrentBag<Op> Ops { get; } = [];

    /// <summary>What DatabaseOutage turned into the outage message, by exception (for the report).</summary>
    public ConcurrentDictionary<string, int> OutageCauses { get; } = new(StringComparer.Ordinal);

    /// <summary>Page loads (the form, the queue) that met the outage; the page shows its notice and the person loads again.</summary>
    public int FailedReads => _failedReads;

    /// <summary>Forms opened on a report waiting for the office: the page offers no save, so the person moves on.</summary>
    public int BlockedForms => _blockedForms;

    public int EmptyQueues => _emptyQueues;

    public TimeSpan Elapsed => _clock.Elapsed;

    // Unique across runs: a run on a database an earlier run wrote to would otherwise meet its own tokens in texts saved
    // then, and the checks would take those reports for this run's (every one a "lost update").
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];

    [GeneratedRegex(@"GHI-[0-9a-f]{6}-\d{3}-\d{5}")]
    public static partial Regex TokenPattern();

    public async Task RunAsync(IReadOnlyList<Writer> writers, CancellationToken ct)
    {
        _clock.Start();
        await Task.WhenAll(writers.Select(w => Task.Run(() => w.IsReviewer ? ReviewerAsync(w, ct) : StaffAsync(w, ct), ct)));
    }

    private async Task StaffAsync(Writer w, CancellationToken ct)
    {
        // Both colleagues of a unit draw the same sequence of items: they often open the same report at once, on purpose.
        var items = new Random(seed + w.Pair);
        var own = new Random(seed + 1000 + w.Index);
        var k = 0;
        while (_clock.Elapsed < duration)
        {
            ct.ThrowIfCancellationRequested();
            var itemId = w.Items[items.Next(w.Items.Count)];
            var form = await OpenAsync(w, itemId, ct);
            if (form is null)
            {
                continue;
            }
            var draft = await SaveAsync(w, form, ++k, submit: false, valid: true, own, ct);
            if (draft.Outcome != Outcome.Accepted)
            {
                await Task.Delay(own.Next(10, 40), ct);
                continue;
            }
            // The page reloads the saved report, then the person presses "Gửi".
            form = await OpenAsync(w, itemId, ct);
            if (form is null)
            {
                continue;
            }
            // Now and then a submission misses a required section: the form says which, the person fills it in and sends again.
            var submitted = await SaveAsync(w, form, ++k, submit: true, valid: own.NextDouble() >= 0.05, own, ct);
            if (submitted.Outcome == Outcome.Refused && submitted.Reason == Validation)
            {
                await SaveAsync(w, form, ++k, submit: true, valid: true, own, ct);
            }
            await Task.Delay(own.Next(5, 30), ct);
        }
    }

    private async Task<ReportForm?> OpenAsync(Writer w, int itemId, CancellationToken ct)
    {
        try
        {
            var form = await reports.OpenAsync(w.Actor, itemId, periodId, ct) ?? throw new InvalidOperationException($"item {itemId} not found");
            if (form.Blocked is not null || form.Period.Id != periodId)
            {
                Interlocked.Increment(ref _blockedForms);
                await Task.Delay(20, ct);
                return null;
            }
            return form;
        }
        catch (Exception ex) when (DatabaseOutage.Is(ex))
        {
            Interlocked.Increment(ref _failedReads);
            await Task.Delay(200, ct);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Record(w, OpKind.SaveDraft, null, null, _clock.Elapsed, Outcome.Unexpected, Describe(ex));
            await Task.Delay(200, ct);
            return null;
        }
    }

    private async Task<Op> SaveAsync(Writer w, ReportForm form, int k, bool submit, bool valid, Random own, CancellationToken ct)
    {
        var token = string.Create(CultureInfo.InvariantCulture, $"GHI-{_run}-{w.Index:000}-{k:00000}");
        var input = new ReportInput(form.ItemId, periodId, own.Next(1, 100),
            $"Kết quả lần {token}: đã hoàn thành các nội dung trọng tâm của kỳ, đang tổng hợp số liệu báo cáo cuối kỳ.",
            own.NextDouble() < 0.3 ? "Nguồn kinh phí bố trí chưa kịp thời." : null, null,
            valid ? "Tiếp tục phối hợp các đơn vị liên quan, hoàn thành trong kỳ sau." : null, null);
        var kind = submit ? OpKind.Submit : OpKind.SaveDraft;
        var started = _clock.Elapsed;
        int? saved = null;
        try
        {
            var result = await DatabaseOutage.RunAsync(async () =>
            {
                var (outcome, id) = await reports.SaveAsync(w.Actor, input, form.Report?.Version, form.Report?.Input, submit, ct);
                saved = id;
                return outcome;
            }, Seen);
            return Record(w, kind, saved ?? form.Report?.Id, token, started, result);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return Record(w, kind, form.Report?.Id, token, started, Outcome.Unexpected, Describe(ex));
        }
    }

    private async Task ReviewerAsync(Writer w, CancellationToken ct)
    {
        var own = new Random(seed + 2000 + w.Index);
        while (_clock.Elapsed < duration)
        {
            ct.ThrowIfCancellationRequested();
            IReadOnlyList<ReviewQueueRow> queue;
            try
            {
                queue = await review.QueueAsync(w.Actor, ct);
            }
            catch (Exception ex) when (DatabaseOutage.Is(ex))
            {
                Interlocked.Increment(ref _failedReads);
                await Task.Delay(200, ct);
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Record(w, OpKind.Confirm, null, null, _clock.Elapsed, Outcome.Unexpected, Describe(ex));
                await Task.Delay(200, ct);
                continue;
            }
            // The queue is oldest first; the office works from the newest of the closing period, each pair of reviewers
            // from its own place in it, so the two of a pair usually decide on the same report at once, on purpose.
            var rows = queue.Where(r => r.PeriodLabel == periodLabel).ToList();
            if (rows.Count == 0)
            {
                Interlocked.Increment(ref _emptyQueues);
                await Task.Delay(100, ct);
                continue;
            }
            var row = own.NextDouble() < 0.2 ? rows[own.Next(rows.Count)] : rows[rows.Count - 1 - Math.Min(w.Pair, rows.Count - 1)];
            var confirm = own.NextDouble() < 0.7;
            var started = _clock.Elapsed;
            try
            {
                var result = await DatabaseOutage.RunAsync(() => review.ReviewAsync(w.Actor, row.ReportId, row.Version, confirm,
                    confirm ? null : "Đề nghị bổ sung số liệu cụ thể về kết quả trong kỳ.", ct), Seen);
                Record(w, confirm ? OpKind.Confirm : OpKind.Return, row.ReportId, null, started, result);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                Record(w, confirm ? OpKind.Confirm : OpKind.Return, row.ReportId, null, started, Outcome.Unexpected, Describe(ex));
            }
            await Task.Delay(own.Next(10, 50), ct);
        }
    }

    private Op Record(Writer w, OpKind kind, int? reportId, string? token, TimeSpan started, OperationResult result)
    {
        if (result.Succeeded)
        {
            return Record(w, kind, reportId, token, started, Outcome.Accepted, null);
        }
        var message = result.For(OperationResult.FormKey);
        return message == DatabaseOutage.Message
            ? Record(w, kind, reportId, token, started, Outcome.Outage, message)
            : Record(w, kind, reportId, token, started, Outcome.Refused, string.Join(" | ", result.Errors.Values.Select(Reason)));
    }

    private Op Record(Writer w, OpKind kind, int? reportId, string? token, TimeSpan started, Outcome outcome, string? reason)
    {
        var op = new Op(w.Index, kind, reportId, token, started, _clock.Elapsed, Interlocked.Increment(ref _ack), outcome, reason);
        Ops.Add(op);
        return op;
    }

    /// <summary>A refusal's words without what differs from one case to the next (the fields a colleague changed), so they group.</summary>
    private static string Reason(string message)
    {
        var details = message.IndexOf(" Những gì đã đổi:", StringComparison.Ordinal);
        return details < 0 ? message : message[..details] + " Những gì đã đổi: … Tải lại để xem bản mới rồi sửa lại.";
    }

    private void Seen(Exception ex) => OutageCauses.AddOrUpdate(Cause(ex), 1, (_, n) => n + 1);

    /// <summary>The exception as thrown and the innermost one, e.g. "DbUpdateException → PostgresException 57P01".</summary>
    public static string Cause(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }
        var state = inner is PostgresException p ? " " + p.SqlState : "";
        return inner == ex ? ex.GetType().Name + state : $"{ex.GetType().Name} → {inner.GetType().Name}{state}";
    }

    /// <summary>True when the exception, or one it wraps, is a PostgreSQL deadlock (40P01).</summary>
    public static bool IsDeadlock(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected })
            {
                return true;
            }
        }
        return false;
    }

    private static string Describe(Exception ex) => (IsDeadlock(ex) ? "DEADLOCK " : "") + Cause(ex) + ": " + ex.Message;

    /// <summary>The token of the save whose text <paramref name="results"/> is, if one of ours.</summary>
    public static string? TokenOf(string? results) => results is null ? null : TokenPattern().Match(results) is { Success: true } m ? m.Value : null;

    /// <summary>The report states a save of <paramref name="kind"/> leaves (a draft save keeps a returned report returned).</summary>
    public static IReadOnlyList<ReviewState> StatesAfter(OpKind kind) => kind switch
    {
        OpKind.SaveDraft => [ReviewState.Draft, ReviewState.Returned],
        OpKind.Submit => [ReviewState.Submitted],
        OpKind.Confirm => [ReviewState.Confirmed],
        _ => [ReviewState.Returned],
    };
}
