using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Derrimut.AiPlans.Generation;

internal static class PlanGenerationRegistration
{
    /// <summary>
    /// Registers <see cref="PlanComposer"/> (singleton) with the offline generator and, when
    /// <c>AiPlans:AzureOpenAI</c> is configured, the Azure OpenAI generator (disposed with the container).
    /// </summary>
    public static IServiceCollection AddPlanGeneration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AzureOpenAiPlanOptions>().Bind(configuration.GetSection(AzureOpenAiPlanOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OfflinePlanGenerator>();
        services.TryAddSingleton(provider => new AzureOpenAiPlanGenerator(
            provider.GetRequiredService<IOptions<AzureOpenAiPlanOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AzureOpenAiPlanOptions>>().Value;
            var logger = provider.GetRequiredService<ILogger<PlanComposer>>();
            if (options.ConfigurationProblem() is { } problem && !string.IsNullOrWhiteSpace(options.Endpoint))
            {
                // An endpoint without the rest is a deployment mistake worth seeing at startup, not only in plan records.
                logger.LogWarning("Azure OpenAI plan generation is off: {Problem}", problem);
            }

            return new PlanComposer(
                provider.GetRequiredService<OfflinePlanGenerator>(),
                options.IsConfigured ? provider.GetRequiredService<AzureOpenAiPlanGenerator>() : null,
                options,
                provider.GetRequiredService<TimeProvider>(),
                logger);
        });
        return services;
    }
}
