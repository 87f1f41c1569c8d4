namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>Configuration section <c>Tenancy</c>.</summary>
public sealed class TenancyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Tenancy";

    /// <summary>The root domain: <c>{identifier}.{RootDomain}</c> is a tenant's site. <c>derrimut.localhost</c> in Development.</summary>
    public string RootDomain { get; set; } = "derrimut.com.au";

    /// <summary>The header that names a tenant where the host does not (API clients, tests). No underscore: proxies drop those.</summary>
    public string HeaderName { get; set; } = "X-Tenant";

    /// <summary>
    /// The scheme of every absolute link the platform sends out (emails, checkout returns, webhook URLs): <c>https</c>
    /// in production; <c>http</c> where Development and the tests serve plain HTTP. Never taken from a request.
    /// </summary>
    public string PublicScheme { get; set; } = "https";

    /// <summary>The port those links carry, when it is not the scheme's default (Development's <c>5000</c>); null for none.</summary>
    public int? PublicPort { get; set; }
}
