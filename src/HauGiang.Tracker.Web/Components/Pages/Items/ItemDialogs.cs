using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HauGiang.Tracker.Web.Components.Pages.Items;

/// <summary>The item page's small dialogs: shown the same way, and a save is announced the same way.</summary>
public static class ItemDialogs
{
    /// <returns>Whether the dialog saved (was not cancelled), so the page reloads the item.</returns>
    public static async Task<bool> ShowAndAnnounceAsync<TDialog>(this IDialogService dialogs, ISnackbar snackbar, string title, DialogParameters parameters, string saved)
        where TDialog : IComponent
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(snackbar);
        var dialog = await dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if ((await dialog.Result)!.Canceled)
        {
            return false;
        }
        snackbar.Add(saved, Severity.Success);
        return true;
    }
}
