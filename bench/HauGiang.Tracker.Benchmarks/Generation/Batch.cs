using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>Rows made for one program, written together by COPY in one transaction.</summary>
internal sealed class Batch
{
    public List<WorkItem> Items { get; } = [];
    public List<DeadlineRevision> Revisions { get; } = [];
    public List<WorkItemAssignment> Assignments { get; } = [];
    public List<ProgressReport> Reports { get; } = [];
    public List<ReviewEvent> ReviewEvents { get; } = [];
    public List<Evidence> Evidence { get; } = [];
}

/// <summary>The COPY writers of the tables a batch fills, made once from the model.</summary>
internal sealed class BatchWriter(TrackerDbContext db)
{
    private readonly ModelCopy[] _copies =
    [
        ModelCopy.For<WorkItem>(db), ModelCopy.For<DeadlineRevision>(db), ModelCopy.For<WorkItemAssignment>(db),
        ModelCopy.For<ProgressReport>(db), ModelCopy.For<ReviewEvent>(db), ModelCopy.For<Evidence>(db),
    ];

    public async Task<Keys> NextKeysAsync(NpgsqlConnection connection, CancellationToken ct) => new()
    {
        Item = (int)await _copies[0].NextIdAsync(connection, ct),
        Revision = (int)await _copies[1].NextIdAsync(connection, ct),
        Assignment = (int)await _copies[2].NextIdAsync(connection, ct),
        Report = (int)await _copies[3].NextIdAsync(connection, ct),
        ReviewEvent = await _copies[4].NextIdAsync(connection, ct),
        Evidence = (int)await _copies[5].NextIdAsync(connection, ct),
    };

    public async Task WriteAsync(NpgsqlConnection connection, Batch batch, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await _copies[0].WriteAsync(connection, batch.Items, ct);
        await _copies[1].WriteAsync(connection, batch.Revisions, ct);
        await _copies[2].WriteAsync(connection, batch.Assignments, ct);
        await _copies[3].WriteAsync(connection, batch.Reports, ct);
        await _copies[4].WriteAsync(connection, batch.ReviewEvents, ct);
        await _copies[5].WriteAsync(connection, batch.Evidence, ct);
        await transaction.CommitAsync(ct);
    }

    public async Task ResetIdentitiesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        foreach (var copy in _copies)
        {
            await copy.ResetIdentityAsync(connection, ct);
        }
    }
}
