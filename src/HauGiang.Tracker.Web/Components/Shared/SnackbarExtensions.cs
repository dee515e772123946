using HauGiang.Tracker.Core.Features;
using MudBlazor;

namespace HauGiang.Tracker.Web.Components.Shared;

public static class SnackbarExtensions
{
    /// <summary>Tells the outcome of an action started outside a form: the success text, or every refusal the service gave.</summary>
    public static void Report(this ISnackbar snackbar, OperationResult result, string success)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(result);
        snackbar.Add(result.Succeeded ? success : string.Join(" ", result.Errors.Values), result.Succeeded ? Severity.Success : Severity.Error);
    }
}
