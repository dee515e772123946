using HauGiang.Tracker.Testing;

[assembly: AssemblyFixture(typeof(DatabaseTemplates))]
