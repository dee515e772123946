using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HauGiang.Tracker.Core.Data;

/// <summary>
/// Lets `dotnet ef` build the model without starting the web app. Adding a migration needs no server;
/// `database update` uses ConnectionStrings__Tracker from the environment.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TrackerDbContext>
{
    public TrackerDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable($"ConnectionStrings__{DatabaseSetup.ConnectionStringName}")
            ?? "Host=127.0.0.1;Database=haugiang_tracker_design";
        var options = new DbContextOptionsBuilder<TrackerDbContext>();
        options.UseTrackerDatabase(connectionString);
        return new TrackerDbContext(options.Options);
    }
}
