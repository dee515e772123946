using HauGiang.Tracker.Core.Data;

namespace HauGiang.Tracker.UnitTests.Data;

public class ConnectionProblemTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_missing_connection_string_names_the_setting(string? connectionString)
    {
        var problem = await DatabaseSetup.DescribeConnectionProblemAsync(connectionString, TestContext.Current.CancellationToken);
        Assert.Contains("ConnectionStrings__Tracker", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_connection_string_names_the_setting()
    {
        var problem = await DatabaseSetup.DescribeConnectionProblemAsync("Hots=nowhere;;Port=abc", TestContext.Current.CancellationToken);
        Assert.NotNull(problem);
        Assert.Contains("ConnectionStrings:Tracker", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_names_the_setting_and_the_address()
    {
        var problem = await DatabaseSetup.DescribeConnectionProblemAsync("Host=127.0.0.1;Port=1;Database=x;Username=y;Password=z;Timeout=3", TestContext.Current.CancellationToken);
        Assert.NotNull(problem);
        Assert.Contains("127.0.0.1:1", problem, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Tracker", problem, StringComparison.Ordinal);
    }
}
