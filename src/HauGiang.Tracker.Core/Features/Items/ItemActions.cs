using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.Core.Features.Items;

/// <summary>
/// What an actor may do on an item now, by the permission rules and the item's state: the actions its page
/// offers. A hint for the page only; every service checks again before it writes.
/// </summary>
public sealed record ItemActions(bool Report, DocumentStage? AdvanceTo, bool RecordIssuance, bool ConfirmIssuance, bool AdjustDeadline, bool RequestExplanation)
{
    public static ItemActions None { get; } = new(false, null, false, false, false, false);

    public static ItemActions For(Actor? actor, ItemDetail item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return For(actor, item.State, item.Scope, item.Document is { } d ? (d.Stage, d.ConfirmedAt is not null) : null);
    }

    /// <param name="document">The document's stage and whether its issuance is confirmed; null for a task.</param>
    public static ItemActions For(Actor? actor, ItemState state, UnitScope scope, (DocumentStage Stage, bool Confirmed)? document)
    {
        // Closed and dropped items take no more work; they stay readable.
        if (actor is null || state != ItemState.Active)
        {
            return None;
        }
        var unitDocument = document is not null && AccessPolicy.Allows(actor, Operation.RecordIssuance, scope);
        return new ItemActions(
            Report: ItemScope.ReportingRole(actor, scope) is not null,
            AdvanceTo: unitDocument ? DocumentLifecycle.NextByHand(document!.Value.Stage) : null,
            RecordIssuance: unitDocument && !document!.Value.Confirmed,
            ConfirmIssuance: document is { Stage: DocumentStage.Issued, Confirmed: false } && AccessPolicy.Allows(actor, Operation.ReviewReport, scope),
            AdjustDeadline: AccessPolicy.Allows(actor, Operation.AdjustDeadline, scope),
            RequestExplanation: AccessPolicy.Allows(actor, Operation.RequestExplanation, scope));
    }
}
