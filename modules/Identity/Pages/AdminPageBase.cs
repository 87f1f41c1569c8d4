using Derrimut.BuildingBlocks.Ui;
using Derrimut.BuildingBlocks.UseCases;
using Derrimut.Identity.Contracts;
using MudBlazor;
using Microsoft.AspNetCore.Components;

namespace Derrimut.Identity.Pages;

/// <summary>
/// What the gym admin's people, permissions and integrations pages share: every read and write is a page call to the
/// API's own handler under <see cref="IdentityPermissions.ManageOrganizationUsers"/> (re-checked on each click, so an
/// admin demoted or deactivated while the page is open is refused), one <see cref="UiAction"/> for writes, and a
/// live update that reloads the page when another admin (or the API) changes what it shows.
/// </summary>
public abstract class AdminPageBase : GymPage
{
    /// <summary>The rule every call of these pages meets: the API's route policy, read again per call.</summary>
    protected static readonly AccessRule ManagesPeople = AccessRule.Holding(IdentityPermissions.ManageOrganizationUsers);

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The page's writes: busy flag, field errors in the API's names, a message for the whole form.</summary>
    protected UiAction Write { get; } = new();

    /// <summary>These pages work on a location's own site; a franchise's site points to its gyms.</summary>
    protected bool IsLocation => CurrentTenant.Tenant is { IsLocation: true };

    /// <summary>A write is running: buttons are disabled, and this page's own live update does not reload twice.</summary>
    protected bool Busy => Write.Busy;

    /// <summary>The live-update topic whose changes this page shows.</summary>
    protected abstract string Topic { get; }

    /// <summary>(Re)loads what the page shows, through page calls.</summary>
    protected abstract Task LoadAsync();

    protected override async Task OnInitializedAsync()
    {
        if (!IsLocation)
        {
            return;
        }

        await LoadGuardedAsync();
        ReloadOnChange(Topic, null, async () =>
        {
            if (!Busy)
            {
                await LoadGuardedAsync();
            }
        });
    }

    /// <summary>Runs a write as a page call; refusals land on their fields, or as a message that names none.</summary>
    protected async Task<bool> WriteAsync(Func<PageCall, Task> write, string? defaultField = null)
    {
        if (await ActAsync(Write, ManagesPeople, write, defaultField: defaultField))
        {
            return true;
        }

        if (Write.Message is not null)
        {
            // Refused as a whole (no longer allowed, someone gone, a conflict): the page's status message says why,
            // and the page shows what is true now.
            await LoadGuardedAsync();
        }

        return false;
    }

    /// <summary>A passing note (a success, a search that could not run); refusals show in the page's status message.</summary>
    protected void Tell(string message, Severity severity) => Snackbar.Add(message, severity);

    protected bool HasError(string field) => Write.HasError(field);

    protected string? ErrorOf(string field) => Write.ErrorOf(field);

    /// <summary>How a role reads on the page.</summary>
    protected static string RoleName(string role) => role switch
    {
        IdentityRoles.Member => "Member",
        IdentityRoles.Trainer => "Trainer",
        IdentityRoles.Staff => "Staff",
        IdentityRoles.Admin => "Admin",
        _ => role,
    };

    private async Task LoadGuardedAsync()
    {
        try
        {
            await LoadAsync();
        }
        catch (Derrimut.BuildingBlocks.Errors.ForbiddenException e)
        {
            // The admin lost the right while the page was open: say so instead of failing the circuit.
            Write.Show(e.Message, StatusKind.Error);
        }
    }
}
