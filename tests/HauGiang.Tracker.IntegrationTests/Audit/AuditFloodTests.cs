using System.Net;
using System.Text.Json;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.IntegrationTests.Audit;

/// <summary>An anonymous caller sending refused requests must not be able to grow the trail without bound.</summary>
public class AuditFloodTests(DatabaseTemplates templates) : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _database = await templates.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_flood_of_refused_requests_leaves_a_bounded_count_of_rows_and_a_verifying_chain()
    {
        const int forgedForms = 1500, forgedSignIns = 1500;
        long before;
        await using (var db = _database.NewContext())
        {
            before = await db.AuditEntries.LongCountAsync(Ct);
        }

        // Everything counted in memory is written before counting (as stopping the app does).
        await using (var app = new TrackerApp(_database))
        {
            using var client = app.CreatePlainClient();
            var codes = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
            await Parallel.ForAsync(0, forgedForms + forgedSignIns, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Ct }, async (i, ct) =>
            {
                var path = i < forgedForms ? "/not-found" : SecurityPipelinePaths.SignIn;
                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "dang-nhap", ["Input.Email"] = $"ai{i}@thu.local" });
                using var response = await client.PostAsync(new Uri(path, UriKind.Relative), form, ct);
                codes.Add(response.StatusCode);
            });
            Assert.All(codes, c => Assert.True(c is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests, c.ToString()));
            // What stopping writes, written while this host's services are certainly alive: in a process of many
            // hosts the shutdown's own write can meet EF services cached from a host already disposed.
            await app.Services.GetRequiredService<SecurityEvents>().FlushAsync(all: true, Ct);
        }

        await using var check = _database.NewContext();
        var rows = await check.AuditEntries.Where(e => e.Category == AuditCategory.Security).ToListAsync(Ct);
        var flood = rows.Where(r => r.Action is SecurityEvents.AntiforgeryRejected or SecurityEvents.RateLimited).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{forgedForms + forgedSignIns} refused requests left {flood.Count} rows");
        // One client: its first few events one row each, then one row per event kind and minute.
        Assert.InRange(flood.Count, 2, 15);
        Assert.Equal(forgedForms + forgedSignIns, flood.Sum(Count));
        Assert.Equal(before + rows.Count, await check.AuditEntries.LongCountAsync(Ct));
        await using var services = TestServices.Build(_database);
        var verification = await services.GetRequiredService<AuditVerifier>().VerifyAsync(Actor.System("kiểm thử"), Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task Thousands_of_sources_cannot_grow_the_trail_past_the_global_caps()
    {
        await using var services = TestServices.Build(_database);
        var events = services.GetRequiredService<SecurityEvents>();
        var before = await SecurityRowsAsync();

        for (var source = 0; source < 2000; source++)
        {
            var address = $"10.{source / 250}.{source % 250}.1";
            await events.RecordAsync(SecurityEvents.AntiforgeryRejected, null, "(chưa đăng nhập)", new { path = "/x" }, address, Ct);
            await events.RecordAsync(SecurityEvents.RateLimited, null, "(chưa đăng nhập)", new { path = "/x" }, address, Ct);
        }
        await events.FlushAsync(all: true, Ct);

        var rows = (await SecurityRowsAsync()).Skip(before.Count).ToList();
        Assert.Equal(SecurityEventThrottle.AllSourcesPerMinute + SecurityEventThrottle.MaxBuckets + 2, rows.Count);
        Assert.Equal(4000, rows.Sum(Count));
        Assert.Equal(2, rows.Count(r => r.ClientAddress == SecurityEventThrottle.OverflowSource));
        Assert.True((await services.GetRequiredService<AuditVerifier>().VerifyAsync(Actor.System("kiểm thử"), Ct)).IsIntact);
    }

    [Fact]
    public async Task Counted_refusals_are_written_when_their_minute_closes_and_the_next_minute_starts_afresh()
    {
        await using var services = TestServices.Build(_database);
        var events = services.GetRequiredService<SecurityEvents>();
        var before = (await SecurityRowsAsync()).Count;
        for (var i = 0; i < 15; i++)
        {
            await events.RecordAsync(SecurityEvents.SignInFailed, null, $"ai{i}@thu.local", new { reason = "unknown-user" }, "192.0.2.7", Ct);
        }

        Assert.Equal(0, await events.FlushAsync(all: false, Ct));
        Assert.Equal(before + SecurityEventThrottle.PerSourcePerMinute, (await SecurityRowsAsync()).Count);

        _database.Clock.Now = _database.Clock.Now.AddMinutes(1);
        await events.RecordAsync(SecurityEvents.SignInFailed, null, "moi@thu.local", new { reason = "unknown-user" }, "192.0.2.7", Ct);
        Assert.Equal(1, await events.FlushAsync(all: false, Ct));

        var rows = (await SecurityRowsAsync()).Skip(before).ToList();
        Assert.Equal(SecurityEventThrottle.PerSourcePerMinute + 2, rows.Count);
        var counted = Assert.Single(rows, r => r.Reason is not null);
        Assert.Equal((5, "(nhiều tài khoản)", "192.0.2.7"), (Count(counted), counted.UserName, counted.ClientAddress));
        Assert.Equal("moi@thu.local", rows[^2].UserName);
    }

    [Fact]
    public async Task Refusals_of_a_signed_in_actor_keep_one_row_each()
    {
        await using var services = TestServices.Build(_database);
        var events = services.GetRequiredService<SecurityEvents>();
        var before = (await SecurityRowsAsync()).Count;

        for (var i = 0; i < 3 * SecurityEventThrottle.PerSourcePerMinute; i++)
        {
            await events.RecordAsync(SecurityEvents.PermissionDenied, "user-9", "Cán bộ thử", new { operation = "ReviewReport" }, "192.0.2.8", Ct);
        }

        Assert.Equal(before + (3 * SecurityEventThrottle.PerSourcePerMinute), (await SecurityRowsAsync()).Count);
    }

    private async Task<List<AuditEntry>> SecurityRowsAsync()
    {
        await using var db = _database.NewContext();
        return await db.AuditEntries.Where(e => e.Category == AuditCategory.Security).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    /// <summary>How many refused requests a row stands for: its count when it gathers several.</summary>
    internal static int Count(AuditEntry row)
    {
        using var json = JsonDocument.Parse(row.After ?? "{}");
        return json.RootElement.TryGetProperty("count", out var count) ? count.GetInt32() : 1;
    }

    private static class SecurityPipelinePaths
    {
        public const string SignIn = "/tai-khoan/dang-nhap";
    }
}
