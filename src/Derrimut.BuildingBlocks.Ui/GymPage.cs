using System.Security.Claims;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.BuildingBlocks.Time;
using Derrimut.BuildingBlocks.UseCases;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Derrimut.BuildingBlocks.Ui;

/// <summary>
/// The base of every module's interactive page. It reads nothing through the circuit's own scope: each query and
/// action is a page call (<see cref="IPageCalls"/>) — a fresh scope of the page's tenant with the caller's access
/// read again — running the same handler as the API endpoint. So pages need no locks around a shared DbContext, and a
/// person demoted or deactivated while the page is open is refused on their next click.
/// </summary>
public abstract class GymPage : ComponentBase, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The gym (or franchise, or null on the platform host) the page was served for.</summary>
    [Inject]
    protected ICurrentTenant CurrentTenant { get; set; } = default!;

    /// <summary>The gym's local clock.</summary>
    [Inject]
    protected IGymClock Clock { get; set; } = default!;

    [Inject]
    private IPageCalls Calls { get; set; } = default!;

    [Inject]
    private ILiveUpdates LiveUpdates { get; set; } = default!;

    /// <summary>The signed-in person as the page opened (only to tell who they are; calls re-read what they may do).</summary>
    protected async Task<ClaimsPrincipal> UserAsync() =>
        AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;

    /// <summary>Runs a query or a write as a page call, once <paramref name="rule"/> holds for the person now.</summary>
    protected async Task<T> CallAsync<T>(AccessRule rule, Func<PageCall, Task<T>> work) =>
        await Calls.RunAsync(await UserAsync(), rule, work);

    /// <summary>Runs a page call without a result.</summary>
    protected async Task CallAsync(AccessRule rule, Func<PageCall, Task> work) =>
        await Calls.RunAsync(await UserAsync(), rule, work);

    /// <summary>
    /// Runs a person's action as a page call through <paramref name="action"/>: refusals become field errors and
    /// messages; true when it finished.
    /// </summary>
    protected Task<bool> ActAsync(UiAction action, AccessRule rule, Func<PageCall, Task> work, string? successMessage = null, string? defaultField = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.RunAsync(() => CallAsync(rule, work), successMessage, defaultField);
    }

    /// <summary>
    /// Reloads the page when something it shows changes (live updates carry no data: the page queries again through
    /// its own calls). Only on an interactive render; ended with the page.
    /// </summary>
    /// <param name="topic">The module's live-update topic.</param>
    /// <param name="personId">Only updates about this person, or all of the topic's.</param>
    /// <param name="reload">Re-reads what the page shows.</param>
    protected void ReloadOnChange(string topic, Guid? personId, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(reload);
        if (!RendererInfo.IsInteractive || CurrentTenant.Tenant is not { } tenant)
        {
            return;
        }

        _subscriptions.Add(LiveUpdates.Subscribe(tenant.Id, topic, personId, _ => InvokeAsync(async () =>
        {
            await reload();
            StateHasChanged();
        })));
    }

    /// <summary>Ends the page's live-update subscriptions.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Ends the page's live-update subscriptions; override to release more.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }
}
