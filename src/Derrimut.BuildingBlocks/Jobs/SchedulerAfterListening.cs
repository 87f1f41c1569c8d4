using Microsoft.Extensions.Hosting;
using Quartz;

namespace Derrimut.BuildingBlocks.Jobs;

/// <summary>
/// Builds and starts the clustered Quartz scheduler once the application has started (the web server listens), and
/// shuts it down on stop after the jobs that are running have finished. Building the scheduler validates the store's
/// schema and writes every job and trigger to the shared store: a second or more of a cold start that no request needs
/// (decision 0066). A scheduler that cannot start (the migrator has not run, the database refuses) still fails the
/// node loudly: it is logged as critical and the application stops, as it did when this ran before listening.
/// </summary>
internal sealed class SchedulerAfterListening(ISchedulerFactory schedulers, IHostApplicationLifetime lifetime, ILogger<SchedulerAfterListening> logger)
    : IHostedService
{
    private readonly TaskCompletionSource<bool> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _starting = Task.CompletedTask;
    private IScheduler? _scheduler;

    /// <summary>Completes once the scheduler has started (true) or could not (false); tests wait on it.</summary>
    internal Task<bool> Started => _started.Task;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _starting = Task.Run(StartSchedulerAsync, CancellationToken.None));
        return Task.CompletedTask;
    }

    private async Task StartSchedulerAsync()
    {
        var stopping = lifetime.ApplicationStopping;
        try
        {
            var scheduler = await schedulers.GetScheduler(stopping);
            _scheduler = scheduler;
            await scheduler.Start(stopping);
            _started.TrySetResult(true);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped before it got going: nothing to run.
            _started.TrySetResult(false);
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "The job scheduler could not start (has the migrator run against this database?); stopping this node");
            // Stopping first: whoever learns that the scheduler could not start must find the node already stopping
            // (the other order let a waiter look in between, and CI once caught the node not yet stopping).
            lifetime.StopApplication();
            _started.TrySetResult(false);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A start still under way finishes (or gives up on the stopping token) before the scheduler is shut down.
        await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_scheduler is { } scheduler)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}
