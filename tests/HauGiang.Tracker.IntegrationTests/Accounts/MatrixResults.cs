using System.Runtime.CompilerServices;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Workbook;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>
/// Whether an allowed call did its work: a service that refused everything by validation (or found nothing)
/// would otherwise pass as "allowed".
/// </summary>
public static class MatrixResults
{
    public static void AssertSucceeded(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var property = task.GetType().GetProperty(nameof(Task<int>.Result));
        if (property is null)
        {
            return; // a plain Task has nothing to show
        }
        var result = property.GetValue(task);
        Assert.True(result is not null, "the call returned nothing");
        switch (result is ITuple { Length: > 0 } tuple ? tuple[0] : result)
        {
            case OperationResult outcome:
                Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.Values));
                break;
            case ImportPreview preview:
                Assert.True(preview.CanImport, string.Join(" ", preview.Problems));
                break;
            case AuditVerification verification:
                Assert.True(verification.IsIntact, verification.Problem);
                break;
        }
    }
}
