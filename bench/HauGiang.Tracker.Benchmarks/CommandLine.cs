using System.Globalization;

namespace HauGiang.Tracker.Benchmarks;

internal sealed class CommandLineException(string message) : Exception(message);

/// <summary>The command and its "--name value" options; a name given twice (--path) keeps every value.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = [];

    public string Command { get; private init; } = "";

    public static CommandLine Parse(string[] args)
    {
        var line = new CommandLine { Command = args.Length > 0 ? args[0] : "" };
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new CommandLineException($"expected --name value, got '{args[i]}'");
            }
            var name = args[i][2..];
            if (!line._options.TryGetValue(name, out var values))
            {
                line._options[name] = values = [];
            }
            values.Add(args[++i]);
        }
        return line;
    }

    public string Required(string name) => Optional(name) ?? throw new CommandLineException($"--{name} is required");

    public string? Optional(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public int Number(string name, int fallback) =>
        Optional(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static int Usage()
    {
        Console.Error.WriteLine("""
            usage:
              generate --scale S|grown|L --connection "<connection string of an empty database>"
              pages    --base-url http://127.0.0.1:PORT --user <email> --password <pw> [--runs 7] [--path /extra ...]
              circuits --base-url http://127.0.0.1:PORT --user <email> --password <pw> --server-pid <pid> [--postgres-pid <postmaster pid>] [--pages 5] [--round-trips 5] [--path /]
              readmodel --connection "<cs>" [--programs 5] [--runs 30] [--submits 20] [--log-sql file]
              roadmap  --connection "<cs>" [--runs 30] [--pdf-runs 5] [--log-sql file]
              review   [--rows 100000] [--printed-rows 1500] [--runs 5] [--connection "<cs>"]
              backup   --connection "<cs of the live database>" --target "<cs of a database to create in another cluster>" [--pg-bin DIR] [--dump FILE]
              writers  --connection "<cs of a generated database>" [--writers 50] [--seconds 60] [--restart-command "<shell command>" --restart-after 20]
            """);
        return 2;
    }
}
