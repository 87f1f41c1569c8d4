using Derrimut.AiPlans.Generation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Derrimut.AiPlans.Tests;

public sealed class PlanGenerationRegistrationShould : IDisposable
{
    private readonly FakeAzureOpenAi fake = new();

    [Fact]
    public async Task ComposeWithTheOfflineGeneratorWhenNothingIsConfigured()
    {
        await using var services = Services([]);

        var result = await services.GetRequiredService<PlanComposer>().ComposeAsync(PlanRequestBuilder.Valid(), TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("rule-based");
        result.FallbackReason.ShouldBe("no AI service configured");
    }

    [Fact]
    public async Task ComposeWithAzureOpenAiFromTheConfigurationSection()
    {
        fake.Reply(FakeAzureOpenAi.Completion(PlanComposerShould.ValidAnswer()));
        await using var services = Services(new()
        {
            ["AiPlans:AzureOpenAI:Endpoint"] = fake.Url,
            ["AiPlans:AzureOpenAI:Deployment"] = FakeAzureOpenAi.Deployment,
            ["AiPlans:AzureOpenAI:ApiKey"] = FakeAzureOpenAi.ApiKey,
            ["AiPlans:AzureOpenAI:TimeBudget"] = "00:00:45",
        });

        var result = await services.GetRequiredService<PlanComposer>()
            .ComposeAsync(PlanRequestBuilder.Valid() with { Injuries = [InjuryKind.Knee] }, TestContext.Current.CancellationToken);

        result.Generator.ShouldBe("azure-openai");
        fake.Calls.ShouldHaveSingleItem().Headers!["api-key"].ToArray().ShouldBe([FakeAzureOpenAi.ApiKey]);
    }

    [Fact]
    public void BindTheBudgetAndRetrySettings()
    {
        using var services = Services(new()
        {
            ["AiPlans:AzureOpenAI:TimeBudget"] = "00:00:30",
            ["AiPlans:AzureOpenAI:MaxRetries"] = "0",
            ["AiPlans:AzureOpenAI:MaxRetryDelay"] = "00:00:01",
            ["AiPlans:AzureOpenAI:Temperature"] = "0.1",
        });

        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AzureOpenAiPlanOptions>>().Value;

        options.TimeBudget.ShouldBe(TimeSpan.FromSeconds(30));
        options.MaxRetries.ShouldBe(0);
        options.MaxRetryDelay.ShouldBe(TimeSpan.FromSeconds(1));
        options.Temperature.ShouldBe(0.1f);
    }

    public void Dispose() => fake.Dispose();

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddPlanGeneration(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
