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
}
