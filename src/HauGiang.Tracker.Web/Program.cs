using HauGiang.Tracker.Web;
using HauGiang.Tracker.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrackerServices();

var app = builder.Build();
var command = StartupCommandParser.From(args);
if (!await app.PrepareDatabaseAsync(command))
{
    return 1;
}
if (command != StartupCommand.Serve)
{
    return await app.RunAsync(command);
}

app.UseTrackerPipeline();
await app.RunAsync();
return 0;
