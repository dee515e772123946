namespace HauGiang.Tracker.Core.Domain;

/// <summary>
/// One signed-in session, named by the cookie's session claim. The server decides whether it is still
/// alive, so a copied cookie dies with it: at sign-out, when idle too long, or at its absolute end.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTime StartedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
}
