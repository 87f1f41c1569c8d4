namespace Derrimut.BuildingBlocks.Http;

/// <summary>Names of the host's rate-limit policies, for modules' endpoints.</summary>
public static class RateLimitPolicies
{
    /// <summary>Hand-made writes (create/update): per client address.</summary>
    public const string Writes = "writes";

    /// <summary>Sign-in, sign-up and password reset: per client address, tight.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Inbound webhooks: per host, generous (Stripe bursts on retries).</summary>
    public const string Webhooks = "webhooks";
}
