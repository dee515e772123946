using CsCheck;
using HauGiang.Tracker.Core.Features.Explanations;
using HauGiang.Tracker.IntegrationTests.Reporting;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Explanations;

public class ExplanationValidatorProperties(DatabaseTemplates templates) : ValidatorProperties(templates)
{
    public sealed record Attempt(bool Ask, int Item, string? Text, DateOnly? DueOn, bool Stale)
    {
        public override string ToString() => $"ask={Ask} item={Item} text={Text?.Length} due={DueOn} stale={Stale}";
    }

    [Fact]
    public async Task Each_explanation_request_or_answer_is_refused_for_exactly_the_rules_it_breaks_and_an_accepted_one_is_stored_as_sent()
    {
        int[] items = [await ItemIdAsync("NV-03"), -1];
        var explanations = Get<ExplanationService>();
        var staff = Staff("CT-TU");
        // Text long enough for a question (4,000) and an answer (20,000), and a little past each.
        var text = Gen.Frequency((9, TextUpTo(4000)), (1, TextUpTo(20_000)));
        var attempts = Gen.Select(Gen.Bool, Gen.Frequency((6, Gen.Const(0)), (1, Gen.Const(1))), text, Day, Rarely, (ask, i, t, d, s) => new Attempt(ask, items[i], t, d, s));

        ExplanationView? open = null;
        async Task<Expectation> Expect(Attempt a)
        {
            if (a.Ask)
            {
                return a.Item < 0
                    ? Expectation.Only("", "Không tìm thấy nhiệm vụ, văn bản này.")
                    : new Expectation()
                        .Rule(Blank(a.Text), "Question", "Nêu nội dung cần giải trình.")
                        .Rule(Longer(a.Text, 4000), "Question", "Nội dung không quá 4000 ký tự.")
                        .Rule(a.DueOn < Today, "DueOn", "Hạn trả lời không được trước hôm nay.");
            }
            open = (await explanations.OpenForUnitsAsync(new HashSet<int> { Units["CT-TU"] }, Ct)).FirstOrDefault();
            return open is null
                ? Expectation.Only("", "Không tìm thấy yêu cầu giải trình này.")
                : new Expectation()
                    .Rule(Blank(a.Text), "Answer", "Nhập nội dung giải trình.")
                    .Rule(Longer(a.Text, 20_000), "Answer", "Nội dung giải trình không quá 20000 ký tự.")
                    .Rule(a.Stale, "", "Yêu cầu vừa được thay đổi; tải lại để xem.");
        }

        var tally = await CheckAsync(attempts, Expect, async a =>
        {
            if (a.Ask)
            {
                return await explanations.RequestAsync(Leader, a.Item, a.Text!, a.DueOn, Ct);
            }
            return open is null
                ? await explanations.AnswerAsync(staff, -1, 0, a.Text!, Ct)
                : await explanations.AnswerAsync(staff, open.Id, open.Version + (a.Stale ? 1u : 0u), a.Text!, Ct);
        }, async a =>
        {
            await using var db = Database.NewContext();
            if (a.Ask)
            {
                // The newest request, to the unit leading the item, with the question trimmed and the day as sent.
                var asked = await db.ExplanationRequests.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync(Ct);
                Assert.Equal((a.Item, Units["CT-TU"], Stored(a.Text), a.DueOn, (string?)null), (asked.WorkItemId, asked.UnitId, asked.Question, asked.DueOn, asked.Answer));
                return;
            }
            var answered = await db.ExplanationRequests.AsNoTracking().SingleAsync(r => r.Id == open!.Id, Ct);
            Assert.Equal((Stored(a.Text), staff.UserName), (answered.Answer, answered.AnsweredBy));
        });

        AssertCoverage(tally, 1000, "", "Question", "DueOn", "Answer");
    }
}
