using HauGiang.Tracker.Core.Features;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;

namespace HauGiang.Tracker.Web.Components.Shared;

/// <summary>A form that shows the service's Vietnamese messages next to the fields they belong to.</summary>
public abstract class FormComponent : ComponentBase
{
    /// <summary>For what a form catches instead of the error boundary: it must still be seen in the log.</summary>
    [Inject] protected ILogger<FormComponent> FormLog { get; set; } = default!;

    protected OperationResult? Result { get; set; }

    protected bool Saving { get; set; }

    protected bool Bad(string field) => Result?.For(field) is not null;

    protected string? Err(string field) => Result?.For(field);

    protected string? FormError => Result?.For(OperationResult.FormKey);

    /// <summary>
    /// Runs a save with the form disabled meanwhile and keeps the answer for the fields; true when it succeeded.
    /// It re-renders itself, since a save may be started from a child component's handler. A database that cannot be
    /// reached is said on the form, which keeps what was typed, instead of the page's error boundary replacing it.
    /// </summary>
    protected async Task<bool> RunAsync(Func<Task<OperationResult>> save)
    {
        ArgumentNullException.ThrowIfNull(save);
        Saving = true;
        try
        {
            Result = await DatabaseOutage.RunAsync(save, ex => FormLog.LogWarning(ex, "A save in {Form} found the database unreachable", GetType().Name));
            return Result.Succeeded;
        }
        finally
        {
            Saving = false;
            StateHasChanged();
        }
    }
}
