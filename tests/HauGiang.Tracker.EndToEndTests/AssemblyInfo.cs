using HauGiang.Tracker.EndToEndTests;
using HauGiang.Tracker.Testing;

[assembly: AssemblyFixture(typeof(DatabaseTemplates))]
[assembly: AssemblyFixture(typeof(Browser))]
[assembly: TestCollectionOrderer(typeof(LongestFirst))]
