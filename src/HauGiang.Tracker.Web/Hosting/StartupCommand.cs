namespace HauGiang.Tracker.Web.Hosting;

/// <summary>What the process was started to do: serve (default), or a task that prepares or checks and exits.</summary>
public enum StartupCommand
{
    Serve,
    /// <summary><c>migrate</c>: apply pending migrations and exit.</summary>
    Migrate,
    /// <summary><c>seed</c>: apply migrations, seed, and exit.</summary>
    Seed,
    /// <summary><c>create-admin --email E --name N</c>: the first administrator (password from TRACKER_ADMIN_PASSWORD, or generated and printed).</summary>
    CreateAdmin,
    /// <summary><c>verify-audit</c>: walk the audit trail's hash chain; exit 3 when it is broken.</summary>
    VerifyAudit,
}

public static class StartupCommandParser
{
    public static StartupCommand From(string[] args) => args.FirstOrDefault() switch
    {
        "migrate" => StartupCommand.Migrate,
        "seed" => StartupCommand.Seed,
        "create-admin" => StartupCommand.CreateAdmin,
        "verify-audit" => StartupCommand.VerifyAudit,
        _ => StartupCommand.Serve,
    };
}
