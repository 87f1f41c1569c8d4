using System.Security.Claims;
using Derrimut.BuildingBlocks.Errors;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.Identity.Contracts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Derrimut.Web.Components.Pages.Admin;

/// <summary>
/// What the gym admin's people, permissions and integrations pages share: the acting person, the facade that runs the
/// API's rules, field errors in the API's names, and a live-update subscription that reloads the page when another
/// admin (or the API) changes what it shows.
/// </summary>
public abstract class AdminPageBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    protected ICurrentTenant CurrentTenant { get; set; } = default!;

    [Inject]
    protected ILocationAccessAdmin Access { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILiveUpdates LiveUpdates { get; set; } = default!;

    /// <summary>The signed-in admin; the facade re-reads what they may do here on every call.</summary>
    protected ClaimsPrincipal Actor { get; private set; } = new();

    /// <summary>These pages work on a location's own site; a franchise's site points to its gyms.</summary>
    protected bool IsLocation => CurrentTenant.Tenant is { IsLocation: true };

    /// <summary>A write is running: buttons are disabled, and this page's own live update does not reload twice.</summary>
    protected bool Busy { get; set; }

    /// <summary>Messages per API field name (<c>email</c>, <c>roles</c>, <c>name</c>…) from the last failed write.</summary>
    protected Dictionary<string, string> Errors { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>The live-update topic whose changes this page shows.</summary>
    protected abstract string Topic { get; }

    /// <summary>(Re)loads what the page shows.</summary>
    protected abstract Task LoadAsync();

    protected override async Task OnInitializedAsync()
    {
        Actor = (await AuthenticationState).User;
        if (!IsLocation)
        {
            return;
        }

        await LoadGuardedAsync();
        if (RendererInfo.IsInteractive)
        {
            _subscription = LiveUpdates.Subscribe(CurrentTenant.Tenant!.Id, Topic, null, _ => InvokeAsync(async () =>
            {
                if (!Busy)
                {
                    await LoadGuardedAsync();
                    StateHasChanged();
                }
            }));
        }
    }

    /// <summary>Runs a write: clears old errors, shows new ones on their fields (or as a message), reloads after.</summary>
    protected async Task<bool> WriteAsync(Func<Task> write, string? defaultField = null)
    {
        Busy = true;
        Errors = new(StringComparer.Ordinal);
        try
        {
            await write();
            return true;
        }
        catch (ValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                var key = FieldGroup(field);
                Errors[key] = Errors.TryGetValue(key, out var existing) ? $"{existing} {string.Join(" ", messages)}" : string.Join(" ", messages);
            }

            return false;
        }
        catch (ConflictException e)
        {
            Errors[e.Field ?? defaultField ?? ""] = e.Message;
            if ((e.Field ?? defaultField) is null)
            {
                Snackbar.Add(e.Message, Severity.Warning);
            }

            return false;
        }
        catch (Exception e) when (e is NotFoundException or ForbiddenException)
        {
            Snackbar.Add(e.Message, Severity.Error);
            await LoadGuardedAsync();
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    protected bool HasError(string field) => Errors.ContainsKey(field);

    protected string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    /// <summary>How a role reads on the page.</summary>
    protected static string RoleName(string role) => role switch
    {
        IdentityRoles.Member => "Member",
        IdentityRoles.Trainer => "Trainer",
        IdentityRoles.Staff => "Staff",
        IdentityRoles.Admin => "Admin",
        _ => role,
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>List items ("roles[1]", "permissions[0]") are shown on the field they belong to.</summary>
    private static string FieldGroup(string field)
    {
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? field : field[..bracket];
    }

    private async Task LoadGuardedAsync()
    {
        try
        {
            await LoadAsync();
        }
        catch (ForbiddenException e)
        {
            // The admin lost the right while the page was open: say so instead of failing the circuit.
            Snackbar.Add(e.Message, Severity.Error);
        }
    }
}
