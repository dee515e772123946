namespace HauGiang.Tracker.Web.Hosting;

/// <summary>What the process was started to do: serve (default), or only prepare the database and exit.</summary>
public enum StartupCommand
{
    Serve,
    /// <summary><c>migrate</c>: apply pending migrations and exit.</summary>
    Migrate,
    /// <summary><c>seed</c>: apply migrations, seed, and exit.</summary>
    Seed,
}

public static class StartupCommandParser
{
    public static StartupCommand From(string[] args) => args.FirstOrDefault() switch
    {
        "migrate" => StartupCommand.Migrate,
        "seed" => StartupCommand.Seed,
        _ => StartupCommand.Serve,
    };
}
