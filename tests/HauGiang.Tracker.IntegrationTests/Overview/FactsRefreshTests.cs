using System.Text.Json;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Core.Features.Review;
using HauGiang.Tracker.Core.Features.Roadmap;
using HauGiang.Tracker.IntegrationTests.Search;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Overview;

/// <summary>
/// Issue 17: after a change to a few items' reports, the store brings its cached facts (today's, a past day's, a closed
/// period's) up to date by reading only those items' reports again. What it serves must be exactly what a whole load gives; any other kind of change is
/// loaded whole.
/// </summary>
public class FactsRefreshTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private const string Reporter = "CT-SGDDT";

    [Fact]
    public async Task A_report_completed_with_evidence_and_confirmed_and_an_explanation_asked_refresh_the_cached_facts_to_what_a_whole_load_gives()
    {
        var recorder = new CommandRecorder(Database);
        using var store = new ProgramFactsStore(recorder, Database.Clock);
        var before = (await store.GetAsync(new FactsRequest(), Ct))!;
        var item = await ItemIdAsync("NV-04");
        Assert.False(before.Items.Single(i => i.Id == item).Status.IsCompleted);

        var reports = Get<ProgressReportService>();
        var input = new ReportInput(item, before.Period!.Id, CompletionRule.Complete, "Đã hoàn thành.", null, null, null, VietnamClock.Today(Database.Clock));
        var (saved, reportId) = await reports.SaveAsync(Staff(Reporter), input, null, null, false, Ct);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
        Assert.True((await Get<EvidenceService>().AddLinkAsync(Staff(Reporter), reportId!.Value, "https://haugiang.gov.vn/ket-qua", null, Ct)).Succeeded);
        var draft = (await reports.OpenAsync(Staff(Reporter), item, before.Period.Id, Ct))!.Report!;
        var (submitted, _) = await reports.SaveAsync(Staff(Reporter), draft.Input, draft.Version, draft.Input, true, Ct);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Values));
        Assert.True((await Get<ReviewService>().ReviewAsync(Office, reportId.Value, await ReportVersionAsync(reportId.Value), true, null, Ct)).Succeeded);
        Assert.True((await Get<ExplanationService>().RequestAsync(Leader, await ItemIdAsync("NV-05"), "Vì sao chậm?", null, Ct)).Succeeded);

        var start = recorder.Commands.Count;
        var after = (await store.GetAsync(new FactsRequest(), Ct))!;
        var refreshCommands = recorder.Commands.Count - start;

        Assert.Equal(1, store.Refreshes);
        Assert.Equal(0, store.FoldsReused);
        Assert.True(after.Items.Single(i => i.Id == item).Status.IsCompleted);
        var whole = await WholeLoadAsync();
        Assert.Equal(Json(whole.Facts), Json(after));
        Assert.True(refreshCommands < whole.Commands, $"{refreshCommands} commands to refresh, {whole.Commands} to load whole");
        // Only the changed items' reports are read again: no command reads the reports without naming the items.
        Assert.DoesNotContain(recorder.Commands.Skip(start), c => c.Sql.Contains("FROM progress_reports", StringComparison.Ordinal)
            && !c.Sql.Contains("work_item_id = ANY", StringComparison.Ordinal) && !c.Sql.Contains("reporting_unit_id = ANY", StringComparison.Ordinal)
            && !c.Sql.Contains("audit_entries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_change_of_another_kind_beside_a_report_loads_the_facts_whole_folding_again_only_the_reported_items_reports()
    {
        var recorder = new CommandRecorder(Database);
        using var store = new ProgramFactsStore(recorder, Database.Clock);
        var before = (await store.GetAsync(new FactsRequest(), Ct))!;
        var item = await ItemIdAsync("NV-04");
        await SubmitAsync(Reporter, item, before.Period!.Id, 70);
        await RenameAsync(item);

        var start = recorder.Commands.Count;
        var after = (await store.GetAsync(new FactsRequest(), Ct))!;

        Assert.Equal(0, store.Refreshes);
        Assert.Equal(1, store.FoldsReused);
        Assert.Equal(new[] { item }, Assert.Single(FoldedItems(recorder, start)));
        Assert.Equal("Nhiệm vụ đã đổi tên", after.Items.Single(i => i.Id == item).Row.Title);
        // The report just submitted is in the item's refolded facts.
        Assert.NotEqual(before.Items.Single(i => i.Id == item).Row.LastReportAt, after.Items.Single(i => i.Id == item).Row.LastReportAt);
        Assert.Equal(Json((await WholeLoadAsync()).Facts), Json(after));
    }

    [Fact]
    public async Task On_a_new_day_todays_first_load_reuses_yesterdays_fold_with_the_reports_written_since_and_equals_a_whole_load()
    {
        var recorder = new CommandRecorder(Database);
        using var store = new ProgramFactsStore(recorder, Database.Clock);
        var yesterday = (await store.GetAsync(new FactsRequest(), Ct))!;
        var (item, unit, percent) = (await LedItemsAsync(1)).Single();
        await SubmitAsync(unit, item, yesterday.Period!.Id, percent);
        Database.Clock.SetToday(yesterday.Today.AddDays(1));

        var start = recorder.Commands.Count;
        var today = (await store.GetAsync(new FactsRequest(), Ct))!;

        Assert.Equal(yesterday.Today.AddDays(1), today.AsOf);
        Assert.Equal(yesterday.Period.Id, today.Period!.Id);
        Assert.Equal(1, store.FoldsReused);
        Assert.Equal(new[] { item }, Assert.Single(FoldedItems(recorder, start)));
        Assert.Equal(Json((await WholeLoadAsync()).Facts), Json(today));
    }

    [Fact]
    public async Task A_change_to_a_reporting_period_folds_every_report_again()
    {
        var recorder = new CommandRecorder(Database);
        using var store = new ProgramFactsStore(recorder, Database.Clock);
        var before = (await store.GetAsync(new FactsRequest(), Ct))!;
        await RelabelPeriodAsync(before.Period!.Id);

        var start = recorder.Commands.Count;
        var after = (await store.GetAsync(new FactsRequest(), Ct))!;

        Assert.Equal(0, store.FoldsReused);
        Assert.Null(Assert.Single(FoldedItems(recorder, start)));
        Assert.Equal(Json((await WholeLoadAsync()).Facts), Json(after));
    }

    [Fact]
    public async Task A_new_process_starts_from_the_fold_the_notifier_kept_with_the_reports_written_since()
    {
        int period;
        using (var first = new ProgramFactsStore(new CommandRecorder(Database), Database.Clock))
        {
            period = (await first.GetAsync(new FactsRequest(), Ct))!.Period!.Id;
            Assert.Equal(1, await first.KeepFoldsAsync(Ct));
            Assert.Equal(0, await first.KeepFoldsAsync(Ct));
        }
        var (item, unit, percent) = (await LedItemsAsync(1)).Single();
        await SubmitAsync(unit, item, period, percent);
        await RenameAsync(item);

        var recorder = new CommandRecorder(Database);
        using var restarted = new ProgramFactsStore(recorder, Database.Clock);
        var facts = (await restarted.GetAsync(new FactsRequest(), Ct))!;

        Assert.Equal(1, restarted.FoldsReused);
        Assert.Equal(new[] { item }, Assert.Single(FoldedItems(recorder, 0)));
        Assert.Equal(Json((await WholeLoadAsync()).Facts), Json(facts));
    }

    [Fact]
    public async Task A_kept_fold_is_not_used_after_a_change_to_a_reporting_period()
    {
        int period;
        using (var first = new ProgramFactsStore(new CommandRecorder(Database), Database.Clock))
        {
            period = (await first.GetAsync(new FactsRequest(), Ct))!.Period!.Id;
            Assert.Equal(1, await first.KeepFoldsAsync(Ct));
        }
        await RelabelPeriodAsync(period);

        var recorder = new CommandRecorder(Database);
        using var restarted = new ProgramFactsStore(recorder, Database.Clock);
        await restarted.GetAsync(new FactsRequest(), Ct);

        Assert.Equal(0, restarted.FoldsReused);
        Assert.Null(Assert.Single(FoldedItems(recorder, 0)));
    }

    // A unit's staff saves and submits a report on the item, as the report page does.
    private async Task SubmitAsync(string unit, int item, int period, int percent)
    {
        var (saved, _) = await Get<ProgressReportService>().SaveAsync(
            Staff(unit), new ReportInput(item, period, percent, $"Đạt {percent}%.", null, null, "Tiếp tục.", null), null, null, true, Ct);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
    }

    // A change of structure beside the reports: the item's title edited by an administrator.
    private async Task RenameAsync(int item)
    {
        await using var db = Database.NewContext();
        db.Actor = Admin;
        (await db.WorkItems.SingleAsync(i => i.Id == item, Ct)).Title = "Nhiệm vụ đã đổi tên";
        await db.SaveChangesAsync(Ct);
    }

    // A change to a reporting period: its label edited by an administrator.
    private async Task RelabelPeriodAsync(int period)
    {
        await using var db = Database.NewContext();
        db.Actor = Admin;
        (await db.Periods.SingleAsync(p => p.Id == period, Ct)).Label += " (đã sửa)";
        await db.SaveChangesAsync(Ct);
    }

    // The items each fold of the reports sent since command <paramref name="start"/> named; null for every item of the program.
    private static List<int[]?> FoldedItems(CommandRecorder recorder, int start) =>
        [.. recorder.Commands.Skip(start).Where(c => c.Sql.Contains("AS max_percent", StringComparison.Ordinal))
            .Select(c => c.Parameters.Single(p => p.Name == "items").Value is int[] items ? items : null)];

    [Fact]
    public async Task Refreshes_follow_one_another_for_today_a_past_day_and_a_closed_period_and_each_equals_a_whole_load()
    {
        using var store = new ProgramFactsStore(new CommandRecorder(Database), Database.Clock);
        var today = (await store.GetAsync(new FactsRequest(), Ct))!;
        var closed = (await store.ClosedPeriodsAsync(today.Program.Id, Ct)).First();
        FactsRequest[] views = [new(), new(AsOf: VietnamClock.Today(Database.Clock).AddDays(-30)), new(PeriodId: closed.Id)];
        foreach (var view in views)
        {
            await store.GetAsync(view, Ct);
        }
        foreach (var (item, unit, percent) in await LedItemsAsync(2))
        {
            await SubmitAsync(unit, item, today.Period!.Id, percent);
            foreach (var view in views)
            {
                // A report submitted today leaves a past day and a closed period as they were: read with their own cutoff.
                Assert.Equal(Json((await WholeLoadAsync(view)).Facts), Json((await store.GetAsync(view, Ct))!));
            }
        }
        Assert.Equal(2 * views.Length, store.Refreshes);
        Assert.Equal(0, store.FoldsReused);
    }

    [Fact]
    public async Task The_roadmaps_deadlines_and_milestones_stay_cached_while_reports_come_in_and_are_read_again_after_a_milestone()
    {
        var item = await ItemIdAsync("NV-04");
        bool sample;
        await using (var db = Database.NewContext())
        {
            sample = await db.WorkItems.Where(i => i.Id == item).Select(i => i.IsSample).SingleAsync(Ct);
        }
        var recorder = new CommandRecorder(Database);
        using var store = new ProgramFactsStore(recorder, Database.Clock);
        using var roadmaps = new RoadmapService(store, recorder);
        var request = new RoadmapRequest(new FactsRequest(), ItemFilter.Real with { Samples = sample });
        await roadmaps.GetAsync(request, Ct);
        var period = (await store.GetAsync(new FactsRequest(), Ct))!.Period!.Id;

        await SubmitAsync(Reporter, item, period, 70);
        var start = recorder.Commands.Count;
        var afterReport = (await roadmaps.GetAsync(request, Ct))!;

        Assert.Equal(1, store.Refreshes);
        Assert.DoesNotContain(recorder.Commands.Skip(start), c => c.Sql.Contains("FROM milestones", StringComparison.Ordinal));
        Assert.Equal(await FreshRowsAsync(request), Rows(afterReport));

        await using (var db = Database.NewContext())
        {
            db.Actor = Admin;
            db.Milestones.Add(new Milestone { WorkItemId = item, Ordinal = 99, Title = "Mốc kiểm tra bộ nhớ đệm", DueDate = VietnamClock.Today(Database.Clock).AddDays(30) });
            await db.SaveChangesAsync(Ct);
        }
        start = recorder.Commands.Count;
        var afterMilestone = (await roadmaps.GetAsync(request, Ct))!;

        Assert.Equal(1, store.Refreshes);
        Assert.Contains(recorder.Commands.Skip(start), c => c.Sql.Contains("FROM milestones", StringComparison.Ordinal));
        Assert.Contains(afterMilestone.Rows, r => r.Milestone?.Title == "Mốc kiểm tra bộ nhớ đệm");
        Assert.Equal(await FreshRowsAsync(request), Rows(afterMilestone));
    }

    private async Task<string> FreshRowsAsync(RoadmapRequest request)
    {
        using var store = new ProgramFactsStore(new CommandRecorder(Database), Database.Clock);
        using var roadmaps = new RoadmapService(store, new CommandRecorder(Database));
        return Rows((await roadmaps.GetAsync(request, Ct))!);
    }

    private static string Rows(ProgramRoadmap roadmap) =>
        JsonSerializer.Serialize(roadmap.Rows.Select(r => new { r.Item.Id, r.Item.Row.Progress, r.Item.Row.LastReportAt, r.Milestone, r.Schedule.Deadlines }));

    // Items with a lead unit, each with its unit's code and a percent to report.
    private async Task<List<(int Item, string Unit, int Percent)>> LedItemsAsync(int count)
    {
        await using var db = Database.NewContext();
        var leads = await db.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.EndsOn == null && a.WorkItem!.State == ItemState.Active)
            .OrderBy(a => a.WorkItemId).Select(a => new { a.WorkItemId, a.OrgUnit!.Code }).Take(count).ToListAsync(Ct);
        return [.. leads.Select((l, i) => (l.WorkItemId, l.Code, 30 + (15 * i)))];
    }

    private async Task<uint> ReportVersionAsync(int id)
    {
        await using var db = Database.NewContext();
        return await db.Reports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync(Ct);
    }

    // Every report folded: a fresh store, and no fold kept in the database for it to start from.
    private async Task<(ProgramFacts Facts, int Commands)> WholeLoadAsync(FactsRequest? view = null)
    {
        await using (var db = Database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM read_model_folds", Ct);
        }
        var recorder = new CommandRecorder(Database);
        using var fresh = new ProgramFactsStore(recorder, Database.Clock);
        var facts = (await fresh.GetAsync(view ?? new FactsRequest(), Ct))!;
        return (facts, recorder.Commands.Count);
    }

    // The units' activity is a set: its order carries nothing.
    private static string Json(ProgramFacts facts) =>
        JsonSerializer.Serialize(facts with { Activity = [.. facts.Activity.OrderBy(a => a.UnitId)] });
}
