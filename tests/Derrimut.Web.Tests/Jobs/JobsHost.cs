using Derrimut.BuildingBlocks.Jobs;
using Derrimut.BuildingBlocks;
using Derrimut.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Web.Tests.Jobs;

/// <summary>
/// One node: the kernel, the real modules and the probe module, with the scheduler on, on a database migrated by
/// the real migrations before the scheduler starts (as the web app does when it migrates on start-up).
/// </summary>
internal sealed class JobsHost : IAsyncDisposable
{
    private readonly IHost _host;

    private JobsHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>True once the scheduler runs; false when it could not start (and the node is stopping).</summary>
    public Task<bool> SchedulerStarted => _host.Services.GetServices<IHostedService>().OfType<SchedulerAfterListening>().Single().Started;

    /// <summary>Cancelled when the node stops itself.</summary>
    public CancellationToken Stopping => _host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    public static async Task<JobsHost> StartAsync(TestDatabase database, string node, ProbeRuns runs, IReadOnlyDictionary<string, string?>? settings = null, bool migrate = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Derrimut"] = database.ConnectionString,
            ["Jobs:Enabled"] = "true",
            ["Jobs:ClusterCheckinInterval"] = "00:00:01",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddDerrimutKernel([.. DerrimutModules.Create(), new JobProbeModule()]);
        builder.Services.AddSingleton(runs);
        builder.Services.AddSingleton(new ProbeNode(node));
        var host = builder.Build();
        if (migrate)
        {
            await host.Services.PrepareDatabaseAsync(includeDemoData: false, maxParallelism: 1);
        }

        await host.StartAsync();
        var started = new JobsHost(host);
        if (migrate)
        {
            // The scheduler is built once the host has started (decision 0066): wait for it, as a test's next step needs it.
            (await started.SchedulerStarted.WaitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue("the scheduler started");
        }

        return started;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
