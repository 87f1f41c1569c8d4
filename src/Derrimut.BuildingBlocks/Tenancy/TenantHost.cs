namespace Derrimut.BuildingBlocks.Tenancy;

/// <summary>What a request's host says about the tenant.</summary>
internal enum HostMatchKind
{
    /// <summary>Not under the root domain (an IP, <c>localhost</c>, a load balancer's probe).</summary>
    Outside,

    /// <summary>The bare root or a platform label (<c>admin</c>, <c>www</c>).</summary>
    Platform,

    /// <summary>A single label under the root: a tenant identifier (maybe unknown).</summary>
    Tenant,

    /// <summary>Under the root but not a single valid label (nested subdomains, reserved labels).</summary>
    Invalid,
}

internal readonly record struct HostMatch(HostMatchKind Kind, string? Identifier);

/// <summary>Parses <c>{identifier}.{root}</c> hosts. Pure and allocation-light: it runs on every request.</summary>
internal static class TenantHost
{
    public static HostMatch Parse(string host, string rootDomain)
    {
        if (host.Length == 0)
        {
            return new(HostMatchKind.Outside, null);
        }

        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        if (host.Equals(rootDomain, StringComparison.OrdinalIgnoreCase))
        {
            return new(HostMatchKind.Platform, null);
        }

        if (host.Length <= rootDomain.Length + 1
            || host[^(rootDomain.Length + 1)] != '.'
            || !host.EndsWith(rootDomain, StringComparison.OrdinalIgnoreCase))
        {
            return new(HostMatchKind.Outside, null);
        }

        var label = host[..^(rootDomain.Length + 1)].ToLowerInvariant();
        if (TenantIdentifier.PlatformLabels.Contains(label))
        {
            return new(HostMatchKind.Platform, null);
        }

        return label.Contains('.', StringComparison.Ordinal) || TenantIdentifier.Validate(label) is not null
            ? new(HostMatchKind.Invalid, label)
            : new(HostMatchKind.Tenant, label);
    }
}
