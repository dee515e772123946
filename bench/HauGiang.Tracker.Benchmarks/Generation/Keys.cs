namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>The next key of each table the generator writes by COPY (rows are linked before they are written).</summary>
internal sealed class Keys
{
    public int Item { get; set; }
    public int Revision { get; set; }
    public int Assignment { get; set; }
    public int Report { get; set; }
    public long ReviewEvent { get; set; }
    public int Evidence { get; set; }
    public long Snapshot { get; set; }
    public int Period { get; set; }
}
