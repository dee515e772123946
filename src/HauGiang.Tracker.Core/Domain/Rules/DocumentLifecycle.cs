namespace HauGiang.Tracker.Core.Domain.Rules;

/// <summary>
/// How a required document moves through its stages by hand: forward only, and never to "issued",
/// which is recorded with the issuance itself (number, date, signer).
/// </summary>
public static class DocumentLifecycle
{
    /// <summary>The stage a unit moves the document to next; null once it is with the signer or issued.</summary>
    public static DocumentStage? NextByHand(DocumentStage stage) => stage switch
    {
        DocumentStage.NotStarted => DocumentStage.Drafting,
        DocumentStage.Drafting => DocumentStage.SubmittedForSignature,
        _ => null,
    };

    /// <summary>Whether a unit may move the document from one stage to the other by hand.</summary>
    public static bool MayMoveByHand(DocumentStage from, DocumentStage to) =>
        to is DocumentStage.Drafting or DocumentStage.SubmittedForSignature && to > from;
}
