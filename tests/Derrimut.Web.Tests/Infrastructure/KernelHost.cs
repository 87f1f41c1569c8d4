using Derrimut.BuildingBlocks;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.Hosting;
using Derrimut.Organizations.Domain;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Web.Tests.Infrastructure;

/// <summary>
/// The kernel and the real modules plus a test module, without the web host: for data-layer tests that act as
/// tenants through <see cref="ITenantScopeFactory"/>. The schema is created from the composed model.
/// </summary>
public sealed class KernelHost : IAsyncDisposable
{
    private readonly IHost _host;

    private KernelHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ITenantScopeFactory Scopes => Services.GetRequiredService<ITenantScopeFactory>();

    public static async Task<KernelHost> StartAsync(TestDatabase database, params DerrimutModule[] extraModules)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Derrimut"] = database.ConnectionString,
            // The schema here comes from EnsureCreated, without the migrations' job store tables.
            ["Jobs:Enabled"] = "false",
        });
        builder.AddDerrimutKernel([.. DerrimutModules.Create(), .. extraModules]);
        var host = builder.Build();
        await host.StartAsync();
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DerrimutDbContext>().Database.EnsureCreatedAsync();
        return new KernelHost(host);
    }

    /// <summary>Creates an active franchise or location row directly (platform scope) and returns its tenant info.</summary>
    public async Task<TenantInfo> AddTenantAsync(string identifier, TenantKind kind, Guid? franchiseId = null)
    {
        var organization = new Organization
        {
            Id = Guid.CreateVersion7(),
            Identifier = identifier,
            Name = identifier,
            Kind = kind,
            ParentId = franchiseId,
            State = TenantState.Active,
        };
        await Scopes.RunAsPlatformAsync(async (sp, ct) =>
        {
            var db = sp.GetRequiredService<DerrimutDbContext>();
            db.Add(organization);
            await db.SaveChangesAsync(ct);
        });
        return organization.ToTenantInfo();
    }

    public Task<T> AsAsync<T>(TenantInfo tenant, Func<DerrimutDbContext, Task<T>> work) =>
        Scopes.RunAsync(tenant, (sp, _) => work(sp.GetRequiredService<DerrimutDbContext>()));

    public Task AsAsync(TenantInfo tenant, Func<DerrimutDbContext, Task> work) =>
        Scopes.RunAsync(tenant, (sp, _) => work(sp.GetRequiredService<DerrimutDbContext>()));

    public Task<T> AsPlatformAsync<T>(Func<DerrimutDbContext, Task<T>> work) =>
        Scopes.RunAsPlatformAsync((sp, _) => work(sp.GetRequiredService<DerrimutDbContext>()));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
