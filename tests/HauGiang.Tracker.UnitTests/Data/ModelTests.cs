using HauGiang.Tracker.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.UnitTests.Data;

public class ModelTests
{
    private static TrackerDbContext Context()
    {
        var options = new DbContextOptionsBuilder<TrackerDbContext>();
        options.UseTrackerDatabase("Host=127.0.0.1;Database=model_only");
        return new TrackerDbContext(options.Options);
    }

    [Fact]
    public void Every_model_change_has_a_migration()
    {
        using var db = Context();
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model differs from the last migration: run `dotnet ef migrations add <Name> --project src/HauGiang.Tracker.Core --startup-project src/HauGiang.Tracker.Core --output-dir Data/Migrations`.");
    }

    [Fact]
    public void Every_editable_entity_carries_a_concurrency_token()
    {
        using var db = Context();
        var editable = db.Model.GetEntityTypes().Where(t => t.ClrType.IsSubclassOf(typeof(HauGiang.Tracker.Core.Domain.Entity)) && t.BaseType is null);
        Assert.All(editable, t => Assert.True(t.FindProperty("Version")?.IsConcurrencyToken, $"{t.ClrType.Name} has no concurrency token"));
    }

    [Fact]
    public void Timestamps_are_stored_with_their_time_zone_and_days_as_dates()
    {
        using var db = Context();
        var properties = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).ToList();
        Assert.All(properties.Where(p => p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)),
            p => Assert.Equal("timestamp with time zone", p.GetColumnType()));
        Assert.All(properties.Where(p => p.ClrType == typeof(DateOnly) || p.ClrType == typeof(DateOnly?)),
            p => Assert.Equal("date", p.GetColumnType()));
    }
}
