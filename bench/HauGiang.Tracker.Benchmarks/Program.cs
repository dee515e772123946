using HauGiang.Tracker.Benchmarks;
using HauGiang.Tracker.Benchmarks.Generation;
using HauGiang.Tracker.Benchmarks.Measuring;
using HauGiang.Tracker.Benchmarks.Measuring.Writers;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C lets the running step stop cleanly (its transaction or COPY is rolled back).
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    var args1 = CommandLine.Parse(args);
    return args1.Command switch
    {
        "generate" => await GenerateCommand.RunAsync(args1, cancel.Token),
        "pages" => await PagesCommand.RunAsync(args1, cancel.Token),
        "circuits" => await CircuitsCommand.RunAsync(args1, cancel.Token),
        "readmodel" => await ReadModelCommand.RunAsync(args1, cancel.Token),
        "roadmap" => await RoadmapCommand.RunAsync(args1, cancel.Token),
        "review" => await ReviewCommand.RunAsync(args1, cancel.Token),
        "backup" => await BackupCommand.RunAsync(args1, cancel.Token),
        "writers" => await WritersCommand.RunAsync(args1, cancel.Token),
        _ => CommandLine.Usage(),
    };
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("cancelled");
    return 130;
}
catch (CommandLineException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return CommandLine.Usage();
}
