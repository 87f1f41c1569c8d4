using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Caching;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Email;
using Derrimut.BuildingBlocks.Events;
using Derrimut.BuildingBlocks.Http;
using Derrimut.BuildingBlocks.Jobs;
using Derrimut.BuildingBlocks.Modularity;
using Derrimut.BuildingBlocks.Realtime;
using Derrimut.BuildingBlocks.Tenancy;
using Derrimut.BuildingBlocks.Time;
using Derrimut.BuildingBlocks.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Derrimut.BuildingBlocks;

/// <summary>Wires the kernel and the modules into a host.</summary>
public static class DerrimutKernel
{
    /// <summary>The Redis connection string name; without it the platform runs with memory caches only.</summary>
    public const string RedisConnectionStringName = "Redis";

    /// <summary>The largest request body the API reads (1 MiB): nothing in the API needs more.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Registers the kernel's services, the data layer and every module's services. The precompiled models are
    /// used when one matches the provider and the module list exactly.
    /// </summary>
    public static ModuleCatalog AddDerrimutKernel(this IHostApplicationBuilder builder, IEnumerable<DerrimutModule> modules, IEnumerable<PrecompiledModel>? precompiledModels = null)
    {
        var catalog = new ModuleCatalog(modules);
        var services = builder.Services;
        services.AddSingleton(catalog);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<CurrentTenant>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentTenant>());
        services.Configure<TenancyOptions>(builder.Configuration.GetSection(TenancyOptions.Section));
        services.AddSingleton<ITenantCatalog, TenantCatalog>();
        services.AddCacheJson(TenantCacheJson.Default);
        services.AddSingleton<ITenantScopeFactory, TenantScopeFactory>();
        services.AddScoped<ISiteAddresses, SiteAddresses>();
        services.AddScoped<IGymClock, GymClock>();
        services.AddScoped<IPageCalls, PageCalls>();
        services.AddIntegrationEventPublisher();

        AddCaching(builder);

        // Registered before AddProblemDetails so it is asked first: browsers get a page, everything else JSON.
        services.AddSingleton<IProblemDetailsWriter, HtmlProblemDetailsWriter>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // The W3C trace id when there is one: the id in the logs and the exported trace (decision 0063).
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToHexString() ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        IdempotencyKeys.Add(services, builder.Configuration);
        // Binding failures (bad JSON, wrong types) throw so the exception handler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Text holding a NUL character is refused while the body is read (400 naming the field), never at save time.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new NullCharacterRefusingStringConverter()));

        services.AddSingleton<IPermissionChecker, ClaimsPermissionChecker>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, TenantMemberAuthorizationHandler>();
        // A refusal for missing 2FA names the setup page (API) or leads there (pages); decision 0059.
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, TwoFactorAwareAuthorizationResultHandler>();
        services.AddScoped<IStepUp, NoStepUp>();
        services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().AddRequirements(TenantMemberRequirement.Instance).Build());
        services.AddDerrimutEmail(builder.Configuration, builder.Environment.ContentRootPath);

        builder.AddDerrimutData(catalog, precompiledModels);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

        foreach (var module in catalog.Modules)
        {
            module.ConfigureServices(builder);
        }

        builder.AddDerrimutJobs(catalog);
        return catalog;
    }

    private static void AddCaching(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // With Redis, HybridCache finds the distributed cache registered below and uses it as its second level.
        services.AddHybridCache().AddSerializerFactory<GeneratedCacheJsonFactory>();
        var redis = builder.Configuration.GetConnectionString(RedisConnectionStringName);
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<ICacheInvalidationBus, LocalCacheInvalidationBus>();
            services.AddSingleton<LocalLiveUpdates>();
            services.AddSingleton<ILiveUpdates>(sp => sp.GetRequiredService<LocalLiveUpdates>());
            PublicPageCache.Add(builder, instanceName: null);
            return;
        }

        var redisOptions = ConfigurationOptions.Parse(redis);
        // A Redis outage must degrade to L1 + database, not hang requests: don't fail start-up, keep reconnecting,
        // and fail commands fast instead of queueing them until a timeout.
        redisOptions.AbortOnConnectFail = false;
        redisOptions.BacklogPolicy = BacklogPolicy.FailFast;
        redisOptions.ConnectTimeout = Math.Min(redisOptions.ConnectTimeout, 2000);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisOptions));
        // The prefix keeps several deployments (or test runs) apart on one Redis; pub/sub channels use it too.
        var instance = builder.Configuration["Caching:InstanceName"] is { Length: > 0 } name ? name : "derrimut:";
        services.AddSingleton(new RedisInstanceName(instance));
        services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            o.InstanceName = instance;
            o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>());
        });
        services.AddSingleton<IDistributedCache>(sp => new ResilientDistributedCache(
            new RedisCache(sp.GetRequiredService<IOptions<RedisCacheOptions>>()),
            sp.GetRequiredService<ILogger<ResilientDistributedCache>>()));
        services.AddSingleton<RedisCacheInvalidationBus>();
        services.AddSingleton<ICacheInvalidationBus>(sp => sp.GetRequiredService<RedisCacheInvalidationBus>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisCacheInvalidationBus>());
        services.AddSingleton<LocalLiveUpdates>();
        services.AddSingleton<RedisLiveUpdates>();
        services.AddSingleton<ILiveUpdates>(sp => sp.GetRequiredService<RedisLiveUpdates>());
        services.AddHostedService(sp => sp.GetRequiredService<RedisLiveUpdates>());
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        PublicPageCache.Add(builder, instance);
    }

    /// <summary>
    /// Adds the kernel's middleware in order: problem details for exceptions and empty error responses, the body
    /// limit, routing, tenant resolution (before authentication), authentication, authorization.
    /// </summary>
    public static void UseDerrimutKernel(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>(MaxRequestBodyBytes);
        app.UseRouting();
        app.UseMiddleware<NullCharacterMiddleware>();
        app.UseMiddleware<TenantResolutionMiddleware>();
    }

    /// <summary>Maps health probes and every module's endpoints (under one <c>/api</c> group with validation).</summary>
    public static RouteGroupBuilder MapDerrimutModules(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).SkipTenantResolution();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResponseWriter = HealthResponse.WriteAsync,
        }).SkipTenantResolution();

        var api = app.MapGroup("/api");
        api.AddEndpointFilter<ValidationFilter>();
        foreach (var module in app.Services.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapEndpoints(app, api);
        }

        return api;
    }
}
