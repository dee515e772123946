using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using HauGiang.Tracker.Core.Features.Structure;
using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.IntegrationTests.Structure;

public class ProgramStructureServiceTests(DatabaseTemplates templates) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ProgramStructure _structure = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _structure = (await new ProgramStructureService(_database.Factory, new ProgramFactsStore(_database.Factory, new FixedClock())).GetAsync(ct: TestContext.Current.CancellationToken))!;
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private ItemRow Item(string code) => _structure.AllItems.Single(i => i.Code == code);

    [Fact]
    public void The_program_and_its_three_breakthroughs_and_six_groups_come_back_in_order()
    {
        Assert.Equal("50-CTr/TU", _structure.Program.Code);
        Assert.Equal(new DateOnly(2021, 8, 9), _structure.Program.IssuedOn);
        Assert.Equal("2020–2025", _structure.Program.Term);
        Assert.Equal([1, 2, 3], _structure.Breakthroughs.Select(b => b.Ordinal));
        Assert.Equal("Nâng cao chất lượng nguồn nhân lực", _structure.Breakthroughs[0].Title);
        Assert.Equal(["Một là", "Hai là", "Ba là", "Bốn là", "Năm là", "Sáu là"], _structure.Groups.Select(g => g.Heading));
    }

    [Fact]
    public void Every_item_is_placed_under_its_breakthrough_or_group()
    {
        Assert.Equal(58, _structure.AllItems.Count());
        Assert.Equal(22, _structure.Totals.Real.Counts.Total);
        Assert.Equal(36, _structure.Totals.Sample!.Counts.Total);
        Assert.Equal(["NV-01", "NV-02", "NV-03", "NV-04", "NV-05", "VB-01", "VB-02", "VB-03", "VB-04", "VB-05", "VB-06", "VB-07"],
            _structure.Breakthroughs[0].Items.Select(i => i.Code));
        Assert.Equal(["G1.1", "G1.2", "G1.3"], _structure.Groups[0].Items.Select(i => i.Code));
        Assert.Contains(_structure.Groups[4].Items, i => i.Code == "NV-07");
        Assert.Empty(_structure.Unplaced);
    }

    [Fact]
    public void Statuses_follow_the_reports_on_both_axes()
    {
        Assert.Equal(ProgressAxis.DoneOnTime, Item("NV-01").Status.Axis);
        Assert.Equal(100m, Item("NV-01").Progress);
        Assert.Equal(ProgressAxis.DoneLate, Item("NV-02").Status.Axis);
        Assert.Equal(ProgressAxis.Overdue, Item("NV-03").Status.Axis);
        Assert.Equal(ProgressAxis.DoneOnTime, Item("VB-05").Status.Axis);
    }

    [Fact]
    public async Task An_adjusted_deadline_keeps_the_original_beside_it()
    {
        // Looked at in January 2025: past the original deadline, within the adjusted one.
        var clock = new FixedClock();
        clock.SetToday(new DateOnly(2025, 1, 15));
        var then = (await new ProgramStructureService(_database.Factory, new ProgramFactsStore(_database.Factory, clock)).GetAsync(ct: TestContext.Current.CancellationToken))!;
        var item = then.AllItems.Single(i => i.Code == "NV-04");
        Assert.Equal(ProgressAxis.OpenWithinDeadline, item.Status.Axis);
        Assert.Equal(ProgressAxis.Overdue, item.Status.AgainstOriginal);
        Assert.Equal("Quý II/2025", item.Deadline.Label);
        Assert.Equal("Năm 2024", item.OriginalDeadline.Label);
        // The sample amendment keeps the program within its 2020–2025 term.
        Assert.All(_structure.AllItems.Where(i => i.IsSample && i.Deadline.DueDate is not null), i => Assert.True(i.Deadline.DueDate!.Value.Year <= 2025, i.Code));
    }

    [Fact]
    public void A_report_of_100_percent_awaiting_confirmation_does_not_complete_the_work()
    {
        var task = Item("NV-06");
        Assert.Equal(ProgressAxis.Overdue, task.Status.Axis);
        Assert.Equal(60m, task.Progress);
        var document = Item("VB-04");
        Assert.False(document.Status.IsCompleted);
    }

    [Fact]
    public void Recurring_and_ongoing_work_are_judged_by_their_own_rules()
    {
        var yearly = Item("NV-05");
        Assert.Equal(ProgressAxis.Overdue, yearly.Status.Axis);
        Assert.Equal(new DateOnly(2024, 12, 31), yearly.Status.DueDate);
        var ongoing = Item("NV-10");
        Assert.Equal(ProgressAxis.OpenWithinDeadline, ongoing.Status.Axis);
        Assert.Equal(60m, ongoing.Progress);
    }

    [Fact]
    public void Open_work_of_a_merged_unit_shows_the_successor_and_the_former_unit()
    {
        // Sở KH&ĐT → Sở Tài chính (19/02/2025) → Sở Tài chính thành phố Cần Thơ (01/07/2025): the unit it came from last.
        var lead = Item("NV-09").Lead!;
        Assert.Equal("Sở Tài chính thành phố Cần Thơ", lead.Name);
        Assert.Equal("Sở Tài chính", lead.FormerName);
    }

    [Fact]
    public void Work_the_source_neither_assigns_nor_dates_shows_no_unit_and_is_undated_not_overdue()
    {
        var item = Item("G1.1");
        Assert.Null(item.Lead);
        Assert.True(item.Status.NotStarted);
        Assert.True(item.Status.NoReportThisPeriod);
        Assert.True(item.Status.IsOpenUndated);
        Assert.NotEqual(ProgressAxis.Overdue, item.Status.Axis);
    }

    [Fact]
    public void The_real_items_are_counted_as_the_article_dates_them()
    {
        var real = _structure.Totals.Real.Counts;
        Assert.Equal(14, real.Undated);
        // Dated by the article and past: "năm 2023" (2), "giai đoạn 2023–2025", and the yearly plans.
        Assert.Equal(["G4.1", "G4.2", "G5.1", "G6.4", "G6.5"], _structure.AllItems.Where(i => !i.IsSample && i.Status.Axis == ProgressAxis.Overdue).Select(i => i.Code).Order());
        // Still within: 2023–2030, and the ongoing ones.
        Assert.Equal(["G1.3", "G5.3", "G6.3"], _structure.AllItems.Where(i => !i.IsSample && i.Status.Axis == ProgressAxis.OpenWithinDeadline && !i.Status.IsOpenUndated).Select(i => i.Code).Order());
        Assert.Equal(real.Total, real.DoneOnTime + real.DoneLate + real.OpenWithinDeadline + real.Overdue + real.Undated);
    }

    [Fact]
    public void The_programs_task_and_document_lists_leave_the_secretarys_groups_out()
    {
        var tasks = _structure.ProgramItems(WorkItemKind.Task).ToList();
        Assert.Equal(14, tasks.Count);
        Assert.All(tasks, t => Assert.StartsWith("NV-", t.Code, StringComparison.Ordinal));
        Assert.DoesNotContain(_structure.ProgramItems(WorkItemKind.Document), d => d.Origin == ItemOrigin.SecretaryArticle);
        Assert.All(_structure.Groups.SelectMany(g => g.Items).Where(i => !i.IsSample), i => Assert.Equal(ItemOrigin.SecretaryArticle, i.Origin));
        Assert.All(_structure.Groups, g => Assert.Contains("Nghiêm Xuân Thành", g.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void The_current_period_is_the_quarter_holding_today()
    {
        Assert.Equal("Quý IV/2026", _structure.CurrentPeriod);
        Assert.Equal(new DateOnly(2026, 11, 27), _structure.AsOf);
    }

    [Fact]
    public void Progress_rolls_up_to_breakthroughs_and_the_program()
    {
        // No real item sits under a breakthrough: their figures are the samples', shown apart.
        Assert.All(_structure.Breakthroughs, b => Assert.Equal(0, b.Totals.Real.Counts.Total));
        Assert.All(_structure.Breakthroughs, b => Assert.InRange(b.Totals.Sample!.Progress, 1m, 99m));
        var b1 = _structure.Breakthroughs[0];
        Assert.Equal(Math.Round(b1.Items.Average(i => i.Progress), 2), b1.Totals.Sample!.Progress);
        Assert.InRange(_structure.Totals.Sample!.Progress, 1m, 99m);
        // No real item has a report yet, so the program's own progress is nil whatever the samples say.
        Assert.Equal(0m, _structure.Totals.Real.Progress);
    }

    [Fact]
    public void The_structure_says_which_items_are_samples()
    {
        Assert.True(_structure.HasSamples);
        Assert.All(_structure.AllItems.Where(i => i.Code.StartsWith("NV-", StringComparison.Ordinal)), i => Assert.True(i.IsSample));
        Assert.All(_structure.AllItems.Where(i => i.Code.StartsWith('G')), i => Assert.False(i.IsSample));
    }
}
