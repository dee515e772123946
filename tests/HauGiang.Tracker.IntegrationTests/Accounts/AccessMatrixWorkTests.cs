using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>The access matrix for the units' own work and the monitoring office's, the leaders' and the auditors' operations; a class of its own so it runs beside the other half.</summary>
public sealed class AccessMatrixWorkTests(DatabaseTemplates templates)
{
    public static TheoryData<string> Methods() => MatrixRunner.Methods(administration: false);

    [Theory]
    [MemberData(nameof(Methods))]
    public Task Each_role_is_allowed_exactly_what_the_policy_allows(string method) => MatrixRunner.RunAsync(templates, method, AccessMatrix.Entries[method]);

    public static TheoryData<string> Contributions() => [.. AccessMatrix.Contributions.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Contributions))]
    public Task Only_the_coordinating_unit_adds_a_contribution(string method) => MatrixRunner.RunAsync(templates, method, AccessMatrix.Contributions[method]);

    public static TheoryData<string> FileReads() => [.. AccessMatrix.FileReads.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FileReads))]
    public Task Files_are_read_by_the_rules_of_the_report_they_belong_to(string read) => MatrixRunner.RunAsync(templates, read, AccessMatrix.FileReads[read]);
}
