using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>The access matrix for the administrators' operations (periods, structure, units, users); a class of its own so it runs beside the other half.</summary>
public sealed class AccessMatrixAdministrationTests(DatabaseTemplates templates)
{
    public static TheoryData<string> Methods() => MatrixRunner.Methods(administration: true);

    [Theory]
    [MemberData(nameof(Methods))]
    public Task Each_role_is_allowed_exactly_what_the_policy_allows(string method) => MatrixRunner.RunAsync(templates, method, AccessMatrix.Entries[method]);
}
