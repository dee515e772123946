using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;

namespace HauGiang.Tracker.UnitTests.Domain;

public class DocumentLifecycleTests
{
    [Fact]
    public void A_document_moves_by_hand_from_not_started_to_drafting_to_signature_and_no_further()
    {
        Assert.Equal(DocumentStage.Drafting, DocumentLifecycle.NextByHand(DocumentStage.NotStarted));
        Assert.Equal(DocumentStage.SubmittedForSignature, DocumentLifecycle.NextByHand(DocumentStage.Drafting));
        Assert.Null(DocumentLifecycle.NextByHand(DocumentStage.SubmittedForSignature));
        Assert.Null(DocumentLifecycle.NextByHand(DocumentStage.Issued));
    }

    [Fact]
    public void The_stage_offered_next_is_always_one_the_service_accepts()
    {
        foreach (var stage in Enum.GetValues<DocumentStage>())
        {
            if (DocumentLifecycle.NextByHand(stage) is { } next)
            {
                Assert.True(DocumentLifecycle.MayMoveByHand(stage, next));
            }
        }
    }

    [Theory]
    [InlineData(DocumentStage.Drafting, DocumentStage.NotStarted)]
    [InlineData(DocumentStage.Drafting, DocumentStage.Drafting)]
    [InlineData(DocumentStage.SubmittedForSignature, DocumentStage.Drafting)]
    [InlineData(DocumentStage.SubmittedForSignature, DocumentStage.Issued)]
    [InlineData(DocumentStage.NotStarted, (DocumentStage)99)]
    public void Never_back_never_in_place_and_never_to_issued_by_hand(DocumentStage from, DocumentStage to) =>
        Assert.False(DocumentLifecycle.MayMoveByHand(from, to));

    [Fact]
    public void Skipping_drafting_straight_to_signature_is_allowed() =>
        Assert.True(DocumentLifecycle.MayMoveByHand(DocumentStage.NotStarted, DocumentStage.SubmittedForSignature));
}
