namespace HauGiang.Tracker.Core.Domain;

/// <summary>Anything with an identity that users edit.</summary>
public abstract class Entity
{
    public int Id { get; set; }

    /// <summary>Optimistic concurrency token (PostgreSQL's xmin): a save with a stale value is refused.</summary>
    public uint Version { get; set; }
}
