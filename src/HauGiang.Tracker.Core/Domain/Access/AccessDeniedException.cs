namespace HauGiang.Tracker.Core.Domain.Access;

/// <summary>An operation the actor may not perform; the message is for the user, in Vietnamese.</summary>
public sealed class AccessDeniedException(Operation operation, string message) : Exception(message)
{
    public Operation Operation { get; } = operation;
}
