namespace Derrimut.Web.Security;

/// <summary>
/// Settings that are fine for <c>dotnet run</c> and the tests but dangerous on a real site. In Production the app
/// refuses to start while any of them holds, naming each one, unless <see cref="OverrideKey"/> says this Production
/// run is a throwaway (the benchmarks: Production code paths on loopback with demo data); then it starts and warns.
/// </summary>
internal static class ProductionSafety
{
    /// <summary>The explicit acknowledgement that a Production run may use demo settings (benchmarks only).</summary>
    public const string OverrideKey = "Safety:AllowUnsafeProductionSettings";

    /// <summary>Turns the OpenAPI document and the API reference on in Production (they are on elsewhere).</summary>
    public const string ApiReferenceKey = "OpenApi:Enabled";

    /// <summary>Every unsafe setting in <paramref name="configuration"/>, each with why it matters.</summary>
    public static IReadOnlyList<string> FindUnsafeSettings(IConfiguration configuration)
    {
        var found = new List<string>();
        if (string.IsNullOrWhiteSpace(configuration["DataProtection:Certificate:Path"]))
        {
            found.Add("DataProtection:Certificate:Path is not set: the Data Protection key ring (sign-in cookies, " +
                "antiforgery tokens, secrets stored encrypted) would sit unencrypted in the database.");
        }

        if (!string.IsNullOrWhiteSpace(configuration["Platform:ApiKey"]))
        {
            found.Add("Platform:ApiKey is set: the development platform key would open every platform endpoint to whoever holds it.");
        }

        if (configuration.GetValue<bool>("Database:SeedDemoData"))
        {
            found.Add("Database:SeedDemoData is on: demo people with a published password would be created.");
        }

        var gateway = configuration["Billing:Gateway"];
        var simulated = string.Equals(gateway, "Simulated", StringComparison.OrdinalIgnoreCase)
            || (string.IsNullOrWhiteSpace(gateway) && string.IsNullOrWhiteSpace(configuration["Billing:Stripe:SecretKey"]));
        if (simulated && string.IsNullOrWhiteSpace(configuration["Billing:Stripe:WebhookSecret"]))
        {
            found.Add("the simulated payment gateway would sign its events with the published development secret " +
                "(Billing:Stripe:WebhookSecret is not set): anyone could post a 'paid' event.");
        }

        if (string.IsNullOrWhiteSpace(configuration["Email:Smtp:Host"]))
        {
            found.Add("Email:Smtp:Host is not set: mail would go to a pickup folder on the node's disk and never reach anyone.");
        }
        else if (!configuration.GetValue("Email:Smtp:UseStartTls", true))
        {
            found.Add("Email:Smtp:UseStartTls is off: mail (password resets among it) would cross the network in clear text.");
        }

        return found;
    }

    /// <summary>In Production: throws when a setting is unsafe, or warns when the run says it is a throwaway.</summary>
    public static void Check(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return;
        }

        var found = FindUnsafeSettings(builder.Configuration);
        if (found.Count == 0)
        {
            return;
        }

        var list = string.Join(Environment.NewLine, found.Select(f => "  - " + f));
        if (!builder.Configuration.GetValue<bool>(OverrideKey))
        {
            throw new InvalidOperationException(
                $"Derrimut refuses to start in Production with unsafe settings:{Environment.NewLine}{list}{Environment.NewLine}" +
                $"Fix them, or set {OverrideKey}=true for a throwaway run (benchmarks) that may use them.");
        }

        // No logger exists yet while the host is being built; standard error reaches the same log collector.
        Console.Error.WriteLine($"WARNING: Production is running with unsafe settings ({OverrideKey}=true):{Environment.NewLine}{list}");
    }
}
