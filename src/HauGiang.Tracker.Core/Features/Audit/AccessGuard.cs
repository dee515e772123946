using HauGiang.Tracker.Core.Domain.Access;

namespace HauGiang.Tracker.Core.Features.Audit;

/// <summary>The check every writing service makes before it writes: refused calls are logged and throw.</summary>
public sealed class AccessGuard(SecurityEvents events)
{
    public async Task DemandAsync(Actor actor, Operation operation, UnitScope? scope, string target, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (AccessPolicy.Allows(actor, operation, scope))
        {
            return;
        }
        await events.RecordAsync(SecurityEvents.PermissionDenied, actor.UserId, actor.UserName,
            new { operation = operation.ToString(), target }, ct: ct);
        throw new AccessDeniedException(operation, Message(operation));
    }

    public static string Message(Operation operation) => operation switch
    {
        Operation.ReportProgress or Operation.RecordIssuance => "Chỉ cán bộ của đơn vị chủ trì mới được cập nhật tiến độ của nhiệm vụ, văn bản này.",
        Operation.AddContribution => "Chỉ cán bộ của đơn vị phối hợp mới được góp ý kết quả cho nhiệm vụ, văn bản này.",
        Operation.AnswerExplanation => "Chỉ cán bộ của đơn vị được yêu cầu mới được trả lời giải trình.",
        Operation.EnterIndicatorValue => "Chỉ cán bộ của đơn vị phụ trách chỉ tiêu mới được nhập số liệu.",
        Operation.ReadDraftEvidence => "Chỉ cán bộ của đơn vị báo cáo hoặc quản trị viên mới được xem minh chứng của báo cáo chưa gửi.",
        Operation.ReviewReport => "Chỉ Văn phòng theo dõi mới được xác nhận hoặc trả lại báo cáo.",
        Operation.AdjustDeadline => "Chỉ Văn phòng theo dõi hoặc quản trị viên mới được điều chỉnh thời hạn.",
        Operation.RequestExplanation => "Chỉ lãnh đạo mới được yêu cầu giải trình.",
        Operation.ReadAuditTrail => "Chỉ cán bộ kiểm tra mới được xem nhật ký thay đổi.",
        _ => "Chỉ quản trị viên mới được thực hiện thao tác này.",
    };
}
