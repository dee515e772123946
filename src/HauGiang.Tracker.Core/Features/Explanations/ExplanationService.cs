using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Items;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Explanations;

public sealed record ExplanationView(int Id, uint Version, int ItemId, string ItemCode, string ItemTitle, int UnitId, string UnitName, string Question, DateOnly? DueOn,
    DateTime RequestedAt, string RequestedBy, string? Answer, DateTime? AnsweredAt, string? AnsweredBy)
{
    public bool IsAnswered => AnsweredAt is not null;
}

/// <summary>Leaders ask the unit answering for an item to explain; the unit answers; both stay on the item.</summary>
public sealed class ExplanationService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    public async Task<OperationResult> RequestAsync(Actor actor, int itemId, string question, DateOnly? dueOn, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.RequestExplanation, null, $"mục {itemId}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var item = await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null)
        {
            return OperationResult.Form("Không tìm thấy nhiệm vụ, văn bản này.");
        }
        var scope = await ItemScope.OfAsync(db, itemId, ct);
        var errors = new ValidationErrors();
        errors.Add(OperationResult.FormKey, item.State == ItemState.Dropped ? "Mục này đã bỏ theo văn bản điều chỉnh; không yêu cầu giải trình được." : null);
        errors.Add(OperationResult.FormKey, scope.LeadUnitId is null ? "Mục này chưa có đơn vị chủ trì để yêu cầu giải trình." : null);
        errors.Add("Question", TextLimits.IsBlank(question) ? "Nêu nội dung cần giải trình." : null);
        errors.Add("Question", (question?.Length ?? 0) > TextLimits.Paragraph ? $"Nội dung không quá {TextLimits.Paragraph} ký tự." : null);
        errors.Add("DueOn", dueOn < VietnamClock.Today(db.Clock) ? "Hạn trả lời không được trước hôm nay." : null);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        db.ExplanationRequests.Add(new ExplanationRequest
        {
            WorkItemId = itemId,
            UnitId = scope.LeadUnitId!.Value,
            Question = question!.Trim(),
            DueOn = dueOn,
            RequestedAt = db.Clock.GetUtcNow().UtcDateTime,
            RequestedById = actor.UserId,
            RequestedBy = actor.UserName,
        });
        await db.SaveChangesAsync(ct);
        return OperationResult.Success;
    }

    public async Task<OperationResult> AnswerAsync(Actor actor, int requestId, uint version, string answer, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var request = await db.ExplanationRequests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return OperationResult.Form("Không tìm thấy yêu cầu giải trình này.");
        }
        await guard.DemandAsync(actor, Operation.AnswerExplanation, UnitScope.Lead(request.UnitId), $"giải trình {requestId}", ct);
        var errors = new ValidationErrors();
        errors.Add("Answer", TextLimits.IsBlank(answer) ? "Nhập nội dung giải trình." : null);
        errors.Add("Answer", (answer?.Length ?? 0) > TextLimits.Long ? $"Nội dung giải trình không quá {TextLimits.Long} ký tự." : null);
        errors.Add(OperationResult.FormKey, request.IsAnswered ? "Yêu cầu này đã được trả lời." : null);
        errors.Add(OperationResult.FormKey, !request.IsAnswered && request.Version != version ? "Yêu cầu vừa được thay đổi; tải lại để xem." : null);
        if (errors.Any)
        {
            return errors.ToResult();
        }
        request.Answer = answer!.Trim();
        request.AnsweredAt = db.Clock.GetUtcNow().UtcDateTime;
        request.AnsweredById = actor.UserId;
        request.AnsweredBy = actor.UserName;
        return await db.SaveAtVersionAsync(request, version, "Người khác trong đơn vị vừa trả lời yêu cầu này; tải lại để xem.", ct);
    }

    public async Task<IReadOnlyList<ExplanationView>> ForItemAsync(int itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.ExplanationRequests.Where(r => r.WorkItemId == itemId)).ToListAsync(ct);
    }

    /// <summary>A unit's unanswered requests, oldest first.</summary>
    public async Task<IReadOnlyList<ExplanationView>> OpenForUnitsAsync(IReadOnlySet<int> unitIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Project(db.ExplanationRequests.Where(r => unitIds.Contains(r.UnitId) && r.AnsweredAt == null)).ToListAsync(ct);
    }

    private static IQueryable<ExplanationView> Project(IQueryable<ExplanationRequest> requests) =>
        requests.AsNoTracking().OrderBy(r => r.RequestedAt)
            .Select(r => new ExplanationView(r.Id, r.Version, r.WorkItemId, r.WorkItem!.Code, r.WorkItem.Title, r.UnitId, r.Unit!.Name, r.Question, r.DueOn,
                r.RequestedAt, r.RequestedBy, r.Answer, r.AnsweredAt, r.AnsweredBy));
}
