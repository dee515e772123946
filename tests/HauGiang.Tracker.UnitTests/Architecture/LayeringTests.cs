namespace HauGiang.Tracker.UnitTests.Architecture;

/// <summary>
/// The rooms of Core depend one way: Domain on nothing, Data on Domain, Features on both. A name from a
/// namespace can only be used through its text (a using or a qualified name), so reading the sources is enough.
/// </summary>
public class LayeringTests
{
    private static readonly string Core = Path.Combine(RepositoryRoot(), "src", "HauGiang.Tracker.Core");

    [Theory]
    [InlineData("Domain", "HauGiang.Tracker.Core.Data")]
    [InlineData("Domain", "HauGiang.Tracker.Core.Features")]
    [InlineData("Data", "HauGiang.Tracker.Core.Features")]
    public void A_lower_room_does_not_name_a_higher_one(string room, string forbidden)
    {
        var files = Directory.EnumerateFiles(Path.Combine(Core, room), "*.cs", SearchOption.AllDirectories).ToList();
        var offenders = files.Where(f => File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Core, f)).ToList();

        Assert.True(files.Count > 10, $"expected the sources of {room}, found {files.Count} files");
        Assert.Empty(offenders);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HauGiang.Tracker.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("HauGiang.Tracker.sln not found above " + AppContext.BaseDirectory);
    }
}
