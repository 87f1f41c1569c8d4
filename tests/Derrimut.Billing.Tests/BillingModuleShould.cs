using Derrimut.Billing.Gateways;
using Derrimut.Billing.Gateways.Simulated;
using Derrimut.Billing.Gateways.Stripe;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Derrimut.Billing.Tests;

public sealed class BillingModuleShould
{
    [Fact]
    public async Task RunTheSimulatedGatewayWhenNoStripeKeyIsConfigured()
    {
        await using var services = Build(Environments.Development, []);
        await using var scope = services.CreateAsyncScope();

        var gateway = scope.ServiceProvider.GetRequiredService<IPaymentGateway>();

        gateway.ShouldBeOfType<SimulatedPaymentGateway>().Kind.ShouldBe(PaymentGatewayKind.Simulated);
        scope.ServiceProvider.GetRequiredService<SimulatedBilling>().ShouldNotBeNull();
        var keys = await services.GetRequiredService<ConfigurationStripeKeyResolver>().ResolveAsync(TestData.StAlbans, TestContext.Current.CancellationToken);
        keys.SecretKey.ShouldBeNull();
        keys.WebhookSecret.ShouldBe(ConfigurationStripeKeyResolver.SimulatedWebhookSecret);
    }

    [Fact]
    public async Task RunStripeWhenASecretKeyIsConfigured()
    {
        await using var services = Build(Environments.Production, new()
        {
            ["Billing:Stripe:SecretKey"] = "sk_test_platform",
            ["Billing:Stripe:WebhookSecret"] = "whsec_platform",
            ["Billing:Stripe:ApiBase"] = "http://127.0.0.1:12111",
        });
        await using var scope = services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<IPaymentGateway>().ShouldBeOfType<StripePaymentGateway>().Kind.ShouldBe(PaymentGatewayKind.Stripe);
        var keys = await services.GetRequiredService<ConfigurationStripeKeyResolver>().ResolveAsync(TestData.StAlbans, TestContext.Current.CancellationToken);
        keys.ShouldBe(new StripeAccountKeys("sk_test_platform", "whsec_platform"));
        keys.ToString().ShouldNotContain("sk_test_platform");
        keys.ToString().ShouldNotContain("whsec_platform");
    }

    [Fact]
    public void RefuseToStartAProductionSiteThatForgotItsStripeKey() =>
        Should.Throw<InvalidOperationException>(() => Build(Environments.Production, [])).Message.ShouldContain("Billing:Stripe:SecretKey");

    [Fact]
    public async Task RunADemoSiteInProductionWhenTheSimulationIsAskedForExplicitly()
    {
        await using var services = Build(Environments.Production, new() { ["Billing:Gateway"] = "Simulated" });
        await using var scope = services.CreateAsyncScope();

        scope.ServiceProvider.GetRequiredService<IPaymentGateway>().Kind.ShouldBe(PaymentGatewayKind.Simulated);
    }

    [Fact]
    public void RefuseAStripeKeyWithoutAWebhookSecret() =>
        Should.Throw<InvalidOperationException>(() => Build(Environments.Development, new() { ["Billing:Stripe:SecretKey"] = "sk_test_platform" }))
            .Message.ShouldContain("Billing:Stripe:WebhookSecret");

    [Fact]
    public void RefuseAnUnknownGateway() =>
        Should.Throw<InvalidOperationException>(() => Build(Environments.Development, new() { ["Billing:Gateway"] = "PayPal" }))
            .Message.ShouldContain("PayPal");

    [Fact]
    public void DeclareItsStripeKeysAsSecretSettings()
    {
        var context = new Derrimut.BuildingBlocks.Settings.SettingDefinitionContext();

        new BillingModule().DefineSettings(context);

        context.All.Select(s => (s.Name, s.IsSecret)).ShouldBe([("Billing.Stripe.SecretKey", true), ("Billing.Stripe.WebhookSecret", true)], ignoreOrder: true);
    }

    private static ServiceProvider Build(string environment, Dictionary<string, string?> configuration)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ISimulatedEventSink, RecordingEventSink>();
        // What the kernel provides in the host: tenancy and the data layer (never touched by these tests).
        builder.Services.AddScoped<ICurrentTenant, CurrentTenant>();
        builder.Services.AddSingleton<ITenantCatalog, NoTenants>();
        builder.Services.AddSingleton<ITenantScopeFactory, NoTenants>();
        builder.Services.AddDbContextFactory<DerrimutDbContext>(o => o.UseSqlite("Data Source=:memory:"));
        new BillingModule().ConfigureServices(builder);
        return builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class NoTenants : ITenantCatalog, ITenantScopeFactory
    {
        public ValueTask<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default) => ValueTask.FromResult<TenantInfo?>(null);

        public ValueTask<TenantInfo?> FindByIdAsync(Guid id, CancellationToken cancellationToken = default) => ValueTask.FromResult<TenantInfo?>(null);

        public Task InvalidateAsync(Guid tenantId, IEnumerable<string> identifiers, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<T> RunAsync<T>(Guid tenantId, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<T> RunAsync<T>(TenantInfo tenant, Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<T> RunAsPlatformAsync<T>(Func<IServiceProvider, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
