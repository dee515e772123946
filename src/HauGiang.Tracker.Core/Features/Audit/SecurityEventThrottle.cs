namespace HauGiang.Tracker.Core.Features.Audit;

/// <summary>
/// Decides whether a refusal an outsider can repeat at will gets a row of its own now, or is counted
/// into one row per source, event and minute written when the minute closes. Memory is bounded:
/// at most <see cref="MaxBuckets"/> counted buckets and as many tracked sources, then one overflow
/// bucket per event and minute for everyone else.
/// </summary>
public sealed class SecurityEventThrottle
{
    public const int PerSourcePerMinute = 10;
    public const int AllSourcesPerMinute = 60;
    public const int MaxBuckets = 500;
    public const string OverflowSource = "(nhiều địa chỉ khác)";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _admitted = new(StringComparer.Ordinal);
    private readonly Dictionary<(DateTime Minute, string Source, string Action), Bucket> _buckets = [];
    private DateTime _minute;
    private int _admittedAll;

    /// <summary>One source's refusals of one kind within one minute.</summary>
    public sealed class Bucket(DateTime minute, string source, string action, string? userId, string userName, string? details, string? clientAddress)
    {
        public DateTime Minute { get; } = minute;
        public string Source { get; } = source;
        public string Action { get; } = action;
        public string? UserId { get; private set; } = userId;
        public string UserName { get; private set; } = userName;
        public string? FirstDetails { get; } = details;
        public string? ClientAddress { get; } = clientAddress;
        public int Count { get; private set; }
        public DateTime LastAt { get; private set; }

        internal void Add(DateTime at, string? userId, string userName)
        {
            Count++;
            LastAt = at;
            if (UserId != userId || UserName != userName)
            {
                (UserId, UserName) = (null, "(nhiều tài khoản)");
            }
        }
    }

    /// <summary>True when the event gets its own row now; false when it was counted into a bucket.</summary>
    public bool Admit(DateTime at, string source, string action, string? userId, string userName, string? details, string? clientAddress)
    {
        var minute = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        lock (_lock)
        {
            if (minute != _minute)
            {
                (_minute, _admittedAll) = (minute, 0);
                _admitted.Clear();
            }
            var known = _admitted.TryGetValue(source, out var used);
            if (_admittedAll < AllSourcesPerMinute && used < PerSourcePerMinute && (known || _admitted.Count < MaxBuckets))
            {
                _admitted[source] = used + 1;
                _admittedAll++;
                return true;
            }
            var key = (minute, source, action);
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                if (_buckets.Count >= MaxBuckets)
                {
                    key = (minute, OverflowSource, action);
                    (source, clientAddress) = (OverflowSource, OverflowSource);
                }
                if (!_buckets.TryGetValue(key, out bucket))
                {
                    bucket = new Bucket(minute, source, action, userId, userName, details, clientAddress);
                    _buckets[key] = bucket;
                }
            }
            bucket.Add(at, userId, userName);
            return false;
        }
    }

    /// <summary>Removes and returns the buckets whose minute has closed by <paramref name="now"/>, or all of them.</summary>
    public List<Bucket> TakeClosed(DateTime now, bool all)
    {
        lock (_lock)
        {
            var closed = _buckets.Where(b => all || b.Key.Minute.AddMinutes(1) <= now).ToList();
            foreach (var (key, _) in closed)
            {
                _buckets.Remove(key);
            }
            return [.. closed.Select(b => b.Value).OrderBy(b => b.Minute).ThenBy(b => b.Source, StringComparer.Ordinal).ThenBy(b => b.Action, StringComparer.Ordinal)];
        }
    }

    /// <summary>Puts buckets back after a failed write, so a database outage loses no count.</summary>
    public void Return(IEnumerable<Bucket> buckets)
    {
        lock (_lock)
        {
            foreach (var bucket in buckets)
            {
                _buckets.TryAdd((bucket.Minute, bucket.Source, bucket.Action), bucket);
            }
        }
    }
}
