using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace HauGiang.Tracker.Core.Features.Notifications;

/// <summary>
/// Sends the queued mail that is due. Several instances may run it at once: each takes a batch with
/// <c>FOR UPDATE SKIP LOCKED</c> and holds it for <see cref="Hold"/>, so no message goes out twice. A
/// message that fails waits longer each time (1, 2, 4 … minutes, at most 6 hours) and is given up after
/// <see cref="MaxAttempts"/> tries; an address the server refuses for good (a 5xx answer to it) is given up
/// at once. Each message is sent by itself: one bad address never holds the others back.
/// </summary>
public sealed class MailDispatcher(IDbContextFactory<TrackerDbContext> dbFactory, MailOptions options, TimeProvider clock,
    ILogger<MailDispatcher> logger, IMailTransport? transport = null)
{
    public const int MaxAttempts = 8;
    public const int BatchSize = 50;
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    public static TimeSpan WaitAfter(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), LongestWait.TotalMinutes));

    /// <summary>Sends what is due; returns how many went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        if (transport is null)
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = await ClaimAsync(now, ct);
        if (batch.Count == 0)
        {
            return 0;
        }
        var sent = 0;
        IMailSession? session = null;
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var mail = batch[i];
                ct.ThrowIfCancellationRequested();
                string? error = null;
                var permanent = false;
                try
                {
                    session ??= await transport.OpenAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // No server to talk to: the rest of the batch waits for its retry too, without a connection
                    // attempt (and its time-out) per message.
                    foreach (var waiting in batch.Skip(i))
                    {
                        await RecordAsync(waiting, $"Không kết nối được máy chủ thư: {e.Message}", permanent: false, ct);
                    }
                    break;
                }
                try
                {
                    await session.SendAsync(MailMessages.Compose(mail, options), ct);
                }
                catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
                {
                    (error, permanent) = ($"Máy chủ thư từ chối địa chỉ {mail.ToAddress}: {e.Message}", true);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    error = e.Message;
                    // The connection may be what broke: the next message opens a new one.
                    if (e is not SmtpCommandException)
                    {
                        await session.DisposeAsync();
                        session = null;
                    }
                }
                await RecordAsync(mail, error, permanent, ct);
                sent += error is null ? 1 : 0;
            }
        }
        finally
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }
        }
        return sent;
    }

    private async Task<List<OutgoingMail>> ClaimAsync(DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var until = now + Hold;
        return await db.OutgoingMails.FromSqlInterpolated($"""
            UPDATE outgoing_mails SET locked_until = {until}
            WHERE id IN (
                SELECT id FROM outgoing_mails
                WHERE state = {nameof(MailState.Pending)} AND next_attempt_at <= {now} AND (locked_until IS NULL OR locked_until < {now})
                ORDER BY next_attempt_at, id LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct);
    }

    private async Task RecordAsync(OutgoingMail mail, string? error, bool permanent, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = mail.Attempts + 1;
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var row = db.OutgoingMails.Where(m => m.Id == mail.Id);
        if (error is null)
        {
            await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MailState.Sent).SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LockedUntil, (DateTime?)null).SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
            return;
        }
        var givenUp = permanent || attempts >= MaxAttempts;
        var message = error.Length > 3900 ? error[..3900] : error;
        await row.ExecuteUpdateAsync(s => s.SetProperty(m => m.State, givenUp ? MailState.Failed : MailState.Pending)
            .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, now + WaitAfter(attempts))
            .SetProperty(m => m.LockedUntil, (DateTime?)null).SetProperty(m => m.LastError, message), CancellationToken.None);
        if (givenUp)
        {
            logger.LogWarning("Gave up e-mail {MailId} to {Address} after {Attempts} attempts: {Error}", mail.Id, mail.ToAddress, attempts, error);
        }
        else
        {
            logger.LogInformation("E-mail {MailId} to {Address} failed (attempt {Attempts}); retrying after {Wait}: {Error}", mail.Id, mail.ToAddress, attempts, WaitAfter(attempts), error);
        }
    }
}
