using CsCheck;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Deadlines;
using HauGiang.Tracker.IntegrationTests.Reporting;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Deadlines;

public class DeadlineValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    public sealed record Attempt(int Item, string? Deadline, string? Basis, DateOnly? BasisDate, string? Note, bool Stale)
    {
        public override string ToString() => $"item={Item} deadline={Deadline?.Length switch { > 60 => Deadline.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => Deadline }} basis={Basis?.Length} date={BasisDate} note={Note?.Length} stale={Stale}";
    }

    [Fact]
    public async Task Each_deadline_adjustment_is_refused_for_exactly_the_rules_it_breaks_and_an_accepted_one_is_stored_as_sent()
    {
        int[] items = [await ItemIdAsync("NV-03"), await ItemIdAsync("VB-02"), -1];
        ActionProgram program;
        await using (var db = Database.NewContext())
        {
            program = await db.Programs.AsNoTracking().SingleAsync(Ct);
        }
        // Deadlines the program words, ones it cannot mean (no fifth quarter, no 31 February, years outside the term), and free text.
        var deadlines = Gen.OneOf(TextUpTo(60), Gen.OneOf<string?>("Năm 2027", "Quý II/2027", "Quý V/2027", "31/12/2027", "31/02/2027", "Thường xuyên", "Hằng năm",
            "6 tháng đầu năm 2027", "Năm 1999", "Năm 2100", "2027", " năm   2028 ", "Năm 2028"));
        var attempts = Gen.Select(Gen.Frequency((5, Gen.Int[0, 1]), (1, Gen.Const(2))), deadlines, Gen.OneOf(TextUpTo(64), Gen.Const<string?>("12/QĐ-UBND")), Day, TextUpTo(4000),
            Rarely, (i, d, b, bd, n, s) => new Attempt(items[i], d, b, bd, n, s));

        var adjust = Get<DeadlineAdjustmentService>();
        WorkItem? before = null;
        async Task<Expectation> Expect(Attempt a)
        {
            await using var db = Database.NewContext();
            before = await db.WorkItems.AsNoTracking().Include(i => i.DeadlineRevisions).SingleOrDefaultAsync(i => i.Id == a.Item, Ct);
            if (before is null)
            {
                return Expectation.Only("", "Không tìm thấy nhiệm vụ, văn bản này.");
            }
            var understood = DeadlineParser.TryParse(a.Deadline, program.IssuedOn.Year, program.TermEndYear, out var deadline);
            var latest = before.DeadlineRevisions.Count == 0 ? (DateOnly?)null : before.DeadlineRevisions.Max(r => r.EffectiveOn);
            // A deadline of NUL alone is not blank to the parser: it is refused as not understood, which is as safe.
            var empty = string.IsNullOrWhiteSpace(a.Deadline);
            return new Expectation()
                .Rule(empty, nameof(DeadlineAdjustmentInput.NewDeadline), "Nhập thời hạn mới.")
                .Rule(!empty && !understood, nameof(DeadlineAdjustmentInput.NewDeadline), $"Không hiểu thời hạn “{a.Deadline?.Trim()}”. Ví dụ đúng:")
                .Rule(!empty && understood && deadline == before.Deadline, nameof(DeadlineAdjustmentInput.NewDeadline), "Thời hạn mới trùng thời hạn hiện hành.")
                .Rule(Blank(a.Basis), nameof(DeadlineAdjustmentInput.BasisNumber), "Nhập số văn bản làm căn cứ điều chỉnh.")
                .Rule(Longer(a.Basis, 64), nameof(DeadlineAdjustmentInput.BasisNumber), "Số văn bản không quá 64 ký tự.")
                .Rule(a.BasisDate is null, nameof(DeadlineAdjustmentInput.BasisDate), "Nhập ngày của văn bản làm căn cứ.")
                .Rule(a.BasisDate > Today, nameof(DeadlineAdjustmentInput.BasisDate), "Ngày văn bản căn cứ không được sau hôm nay.")
                .Rule(a.BasisDate < program.IssuedOn, nameof(DeadlineAdjustmentInput.BasisDate), "Ngày văn bản căn cứ không được trước ngày ban hành Chương trình (")
                .Rule(a.BasisDate < latest, nameof(DeadlineAdjustmentInput.BasisDate), "Đã có lần điều chỉnh sau ngày này; văn bản căn cứ phải cùng ngày hoặc sau lần điều chỉnh gần nhất.")
                .Rule(Longer(a.Note, 4000), nameof(DeadlineAdjustmentInput.Note), "Ghi chú không quá 4000 ký tự.")
                .Rule(before.State != ItemState.Active, "", "Mục này đã đóng hoặc đã bỏ.")
                .Rule(a.Stale, "", "Mục này vừa được người khác thay đổi (có thể vừa điều chỉnh thời hạn); tải lại để xem.");
        }

        var tally = await CheckAsync(attempts, Expect, async a =>
        {
            var version = before is null ? 0 : before.Version + (a.Stale ? 1u : 0u);
            return await adjust.AdjustAsync(Office, a.Item, version, new DeadlineAdjustmentInput(a.Deadline!, a.Basis!, a.BasisDate, a.Note), Ct);
        }, async a =>
        {
            await using var db = Database.NewContext();
            var item = await db.WorkItems.AsNoTracking().Include(i => i.DeadlineRevisions).SingleAsync(i => i.Id == a.Item, Ct);
            var revision = item.DeadlineRevisions.OrderBy(r => r.Sequence).Last();
            Assert.True(DeadlineParser.TryParse(a.Deadline, program.IssuedOn.Year, program.TermEndYear, out var deadline));
            // One more revision, the new deadline in force, the basis trimmed, every earlier revision kept.
            Assert.Equal(before!.DeadlineRevisions.Count + 1, item.DeadlineRevisions.Count);
            Assert.Equal((deadline, deadline, Stored(a.Basis), a.BasisDate, Stored(a.Note)), (item.Deadline, revision.Deadline, revision.BasisNumber, revision.BasisDate, revision.BasisNote));
        });

        AssertCoverage(tally, 20, "", nameof(DeadlineAdjustmentInput.NewDeadline), nameof(DeadlineAdjustmentInput.BasisNumber), nameof(DeadlineAdjustmentInput.BasisDate),
            nameof(DeadlineAdjustmentInput.Note));
    }
}
